import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIDS_LIMIT } from '../../../src/api/sandbox-schemas.js';
import {
  buildContainerOptions,
  type ContainerPlan,
} from '../../../src/sandbox/container-options.js';
import { SandboxError } from '../../../src/sandbox/errors.js';
import { cpuSpec, gpuSpec } from './fixtures.js';

const PLAN: ContainerPlan = {
  imageId: `sha256:${'b'.repeat(64)}`,
  outDir: '/work/jobs/job-1/out',
  inputsDir: '/work/jobs/job-1/in',
  gpuDeviceIds: [],
  egressNetwork: 'lumbung-egress',
  stopGraceS: 10,
};
const MiB = 1024 * 1024;

describe('buildContainerOptions — every control explicit', () => {
  const options = buildContainerOptions(cpuSpec(), PLAN);
  const host = options.HostConfig!;

  it('drops every capability and adds none', () => {
    expect(host.CapDrop).toEqual(['ALL']);
    expect(host.CapAdd).toEqual([]);
  });
  it('forbids gaining privileges and keeps the default seccomp profile', () => {
    expect(host.SecurityOpt).toEqual(['no-new-privileges']);
    expect(JSON.stringify(host.SecurityOpt)).not.toMatch(/unconfined/);
  });
  it('is not privileged', () => expect(host.Privileged).toBe(false));
  it('has a read-only root filesystem', () => expect(host.ReadonlyRootfs).toBe(true));
  it('runs as nobody (65534:65534)', () => expect(options.User).toBe('65534:65534'));
  it('has no network unless egress is allowed', () => {
    expect(host.NetworkMode).toBe('none');
    expect(options.NetworkDisabled).toBe(true);
    const out = buildContainerOptions(cpuSpec({ egress: true }), PLAN);
    expect(out.HostConfig!.NetworkMode).toBe('lumbung-egress');
    expect(out.NetworkDisabled).toBe(false);
  });
  it('shares no host namespace', () => {
    expect(host.PidMode).not.toBe('host');
    expect(host.IpcMode).toBe('private');
    expect(host.UTSMode).not.toBe('host');
    expect(host.UsernsMode).not.toBe('host');
    expect((host as { CgroupnsMode?: string }).CgroupnsMode).toBe('private');
  });
  it('limits processes', () => {
    expect(host.PidsLimit).toBe(64);
    const noPids = cpuSpec();
    delete noPids.resources.pids;
    expect(buildContainerOptions(noPids, PLAN).HostConfig!.PidsLimit).toBe(DEFAULT_PIDS_LIMIT);
  });
  it('limits memory with no swap (Memory = MemorySwap)', () => {
    expect(host.Memory).toBe(256 * MiB);
    expect(host.MemorySwap).toBe(host.Memory);
    expect(host.OomKillDisable).toBe(false);
  });
  it('limits CPU', () => expect(host.NanoCpus).toBe(1e9));
  it('gives a size-limited tmpfs for scratch', () => {
    expect(host.Tmpfs).toEqual({ '/scratch': 'rw,nosuid,nodev,exec,size=64m,mode=1777' });
  });
  it('mounts only /out (read-write) and the inputs (read-only), nothing else', () => {
    expect(host.Binds).toEqual([]);
    expect(host.VolumesFrom).toEqual([]);
    expect(host.Mounts).toEqual([
      {
        Type: 'bind',
        Source: PLAN.outDir,
        Target: '/out',
        ReadOnly: false,
        BindOptions: { Propagation: 'rprivate' },
      },
      {
        Type: 'bind',
        Source: PLAN.inputsDir,
        Target: '/in',
        ReadOnly: true,
        BindOptions: { Propagation: 'rprivate' },
      },
    ]);
  });
  it('labels the container with its job and as ours', () => {
    expect(options.Labels).toEqual({ 'lumbung.managed': 'true', 'lumbung.job': 'job-1' });
    expect(options.name).toBe('lumbung-job-job-1');
  });
  it('passes no devices and no GPU to a cpu job', () => {
    expect(host.Devices).toEqual([]);
    expect(host.DeviceCgroupRules).toEqual([]);
    expect(host.DeviceRequests).toEqual([]);
  });
  it('is not removed automatically (results and exit state are read first) and never restarts', () => {
    expect(host.AutoRemove).toBe(false);
    expect(host.RestartPolicy).toEqual({ Name: 'no', MaximumRetryCount: 0 });
  });
  it('publishes no ports and adds no hosts or sysctls', () => {
    expect(host.PortBindings).toEqual({});
    expect(host.PublishAllPorts).toBe(false);
    expect(host.ExtraHosts).toEqual([]);
    expect(host.Sysctls).toEqual({});
  });
  it('runs the pinned image by id, with the job’s command and env', () => {
    expect(options.Image).toBe(PLAN.imageId);
    expect(options.Cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
    expect(options.Env).toEqual(['TMPDIR=/scratch', 'MODE=fast']);
  });
  it('caps the engine’s own log file', () => {
    expect(host.LogConfig).toEqual({
      Type: 'json-file',
      Config: { 'max-size': '8m', 'max-file': '1' },
    });
  });
});

describe('buildContainerOptions — GPUs', () => {
  it('requests exactly the granted devices from the nvidia driver, never a count', () => {
    const options = buildContainerOptions(gpuSpec(), { ...PLAN, gpuDeviceIds: ['GPU-1111'] });
    expect(options.HostConfig!.DeviceRequests).toEqual([
      { Driver: 'nvidia', DeviceIDs: ['GPU-1111'], Capabilities: [['gpu']] },
    ]);
    expect(options.HostConfig!.DeviceRequests![0]!.Count).toBeUndefined();
  });

  it('refuses a grant that does not match the request', () => {
    expect(() => buildContainerOptions(gpuSpec(), PLAN)).toThrow(SandboxError);
    expect(() =>
      buildContainerOptions(gpuSpec(), { ...PLAN, gpuDeviceIds: ['GPU-1', 'GPU-2'] }),
    ).toThrow(SandboxError);
    expect(() => buildContainerOptions(cpuSpec(), { ...PLAN, gpuDeviceIds: ['GPU-1'] })).toThrow(
      SandboxError,
    );
  });

  it('refuses the same device granted twice', () => {
    const spec = gpuSpec({
      resources: { gpus: 2, vramMiB: 1, cpus: 1, memoryMiB: 64, scratchMiB: 1 },
    });
    expect(() =>
      buildContainerOptions(spec, { ...PLAN, gpuDeviceIds: ['GPU-1', 'GPU-1'] }),
    ).toThrow(SandboxError);
  });
});

describe('buildContainerOptions — property', () => {
  it('whatever the job asks, the hardening is the same', () => {
    fc.assert(
      fc.property(
        fc.record({
          cpus: fc.double({ min: 0.01, max: 256, noNaN: true }),
          memoryMiB: fc.integer({ min: 6, max: 100_000 }),
          scratchMiB: fc.integer({ min: 1, max: 100_000 }),
          egress: fc.boolean(),
          env: fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), fc.string()),
        }),
        ({ cpus, memoryMiB, scratchMiB, egress, env }) => {
          const spec = cpuSpec({
            env,
            egress,
            resources: { gpus: 0, vramMiB: 0, cpus, memoryMiB, scratchMiB },
          });
          const o = buildContainerOptions(spec, PLAN);
          const h = o.HostConfig!;
          expect(h.Privileged).toBe(false);
          expect(h.CapDrop).toEqual(['ALL']);
          expect(h.ReadonlyRootfs).toBe(true);
          expect(o.User).toBe('65534:65534');
          expect(h.MemorySwap).toBe(h.Memory);
          expect(h.NanoCpus).toBeGreaterThan(0);
          expect(h.Mounts).toHaveLength(2);
          expect(h.NetworkMode).toBe(egress ? 'lumbung-egress' : 'none');
        },
      ),
    );
  });
});
