import type { ContainerCreateOptions, HostConfig } from 'dockerode';
import { msg } from '../api/message.js';
import { DEFAULT_PIDS_LIMIT, type JobSpec } from '../api/sandbox-schemas.js';
import { SandboxError } from './errors.js';

export const LABEL_MANAGED = 'lumbung.managed';
export const LABEL_JOB = 'lumbung.job';
/** nobody:nogroup — no account on the host or in any sane image owns anything with it. */
export const SANDBOX_USER = '65534:65534';
export const OUT_PATH = '/out';
export const INPUTS_PATH = '/in';
export const SCRATCH_PATH = '/scratch';

const MiB = 1024 * 1024;

export interface ContainerPlan {
  /** The resolved local image id (`sha256:…`), so the tag cannot move between check and run. */
  imageId: string;
  /** Host folder for /out, created by the runner. */
  outDir: string;
  /** Host folder with the verified inputs, mounted read-only at /in. */
  inputsDir: string;
  /** The GPUs granted to this job by UUID; exactly `resources.gpus` of them. */
  gpuDeviceIds: readonly string[];
  /** Network used only when the job may reach out (`egress`). */
  egressNetwork: string;
  stopGraceS: number;
}

/** Fields the engine accepts that @types/dockerode does not list yet. */
type FullHostConfig = HostConfig & { CgroupnsMode: 'private' | 'host' };

export const containerName = (jobId: string): string => `lumbung-job-${jobId}`;

/**
 * The whole hardening lives here, every control spelled out rather than left to engine
 * defaults, so one unit test can check each and a different engine cannot loosen one.
 */
export function buildContainerOptions(spec: JobSpec, plan: ContainerPlan): ContainerCreateOptions {
  const gpu = spec.kind === 'gpu';
  if (
    (gpu ? spec.resources.gpus : 0) !== plan.gpuDeviceIds.length ||
    new Set(plan.gpuDeviceIds).size !== plan.gpuDeviceIds.length
  )
    throw new SandboxError(
      msg('sandbox:run.gpuGrantMismatch', {
        asked: spec.resources.gpus,
        granted: plan.gpuDeviceIds.length,
      }),
    );

  const hostConfig: FullHostConfig = {
    Privileged: false,
    CapDrop: ['ALL'],
    CapAdd: [],
    // Default seccomp and AppArmor profiles stay on because nothing here turns them off.
    SecurityOpt: ['no-new-privileges'],
    ReadonlyRootfs: true,
    NetworkMode: spec.egress ? plan.egressNetwork : 'none',
    PidMode: '',
    IpcMode: 'private',
    UTSMode: '',
    UsernsMode: '',
    CgroupnsMode: 'private',
    PidsLimit: spec.resources.pids ?? DEFAULT_PIDS_LIMIT,
    Memory: spec.resources.memoryMiB * MiB,
    // Equal to Memory: no swap, so a hog is killed instead of thrashing the owner's disk.
    MemorySwap: spec.resources.memoryMiB * MiB,
    OomKillDisable: false,
    // If the PC runs out of memory, the kernel should kill the job, not the owner's game.
    OomScoreAdj: 1000,
    NanoCpus: Math.round(spec.resources.cpus * 1e9),
    ShmSize: 64 * MiB,
    // exec: toolchains (Triton, torch.compile) build and load code in their temp folder.
    Tmpfs: { [SCRATCH_PATH]: `rw,nosuid,nodev,exec,size=${spec.resources.scratchMiB}m,mode=1777` },
    Binds: [],
    Mounts: [
      {
        Type: 'bind',
        Source: plan.outDir,
        Target: OUT_PATH,
        ReadOnly: false,
        BindOptions: { Propagation: 'rprivate' },
      },
      {
        Type: 'bind',
        Source: plan.inputsDir,
        Target: INPUTS_PATH,
        ReadOnly: true,
        BindOptions: { Propagation: 'rprivate' },
      },
    ],
    VolumesFrom: [],
    Devices: [],
    DeviceCgroupRules: [],
    DeviceRequests: gpu
      ? [{ Driver: 'nvidia', DeviceIDs: [...plan.gpuDeviceIds], Capabilities: [['gpu']] }]
      : [],
    Sysctls: {},
    GroupAdd: [],
    PortBindings: {},
    PublishAllPorts: false,
    ExtraHosts: [],
    Init: false,
    AutoRemove: false,
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    // The engine keeps its own copy of the logs: cap it so a chatty job cannot fill the disk.
    LogConfig: { Type: 'json-file', Config: { 'max-size': '8m', 'max-file': '1' } },
  };

  return {
    name: containerName(spec.id),
    Image: plan.imageId,
    Cmd: [...spec.command],
    // TMPDIR first so a job's own TMPDIR wins; the root filesystem is read-only.
    Env: [`TMPDIR=${SCRATCH_PATH}`, ...Object.entries(spec.env).map(([k, v]) => `${k}=${v}`)],
    User: SANDBOX_USER,
    // No WorkingDir of /scratch: Docker copies the image's folder up into the tmpfs and its
    // 0755 root-owned mode would then hide the 1777 asked for. The image's WORKDIR stays.
    Labels: { [LABEL_MANAGED]: 'true', [LABEL_JOB]: spec.id },
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    StopSignal: 'SIGTERM',
    StopTimeout: plan.stopGraceS,
    NetworkDisabled: !spec.egress,
    ExposedPorts: {},
    HostConfig: hostConfig,
  };
}
