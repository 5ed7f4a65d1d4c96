import Docker from 'dockerode';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { msg } from '../api/message.js';
import { JobIdSchema, JobSpecSchema, type JobSpec } from '../api/sandbox-schemas.js';
import { LABEL_JOB, LABEL_MANAGED } from './container-options.js';
import { EGRESS_NETWORK } from './egress-network.js';
import { SandboxError } from './errors.js';
import { JobRun, type RunHooks, type RunningJob } from './job-run.js';

export const LABEL_NODE = 'lumbung.node';

export interface RunnerOptions {
  /** Engine to use; the node passes the one `connectEngine()` found. Defaults to DOCKER_HOST or the usual socket. */
  docker?: Docker;
  /** Private folder for job inputs and results (made 0700). */
  workDir: string;
  /** Names this node's containers so two nodes sharing one engine never remove each other's jobs. */
  nodeId?: string;
  stopGraceS?: number;
  logCapBytes?: number;
  sampleIntervalMs?: number;
  /** Pull registry images that are not present yet (by digest only). */
  allowPull?: boolean;
  egressNetwork?: string;
  /** Monotonic milliseconds for metering; default performance.now(). */
  now?: () => number;
  fetch?: typeof fetch;
}

export interface RunOptions {
  /** The GPUs granted to a GPU job, by UUID: exactly `resources.gpus` of them. */
  gpuDeviceIds?: readonly string[];
}

export interface Runner {
  /** Starts a job that admission already accepted; see RunningJob.done for how it ends. */
  run(spec: JobSpec, hooks?: RunHooks, options?: RunOptions): RunningJob;
  /** Removes containers a crash left behind and returns their job ids, to be marked interrupted. */
  recoverOrphans(): Promise<string[]>;
  /** Deletes a finished job's inputs and results from disk. */
  discardJobFiles(jobId: string): Promise<void>;
  activeJobs(): string[];
}

export function createRunner(options: RunnerOptions): Runner {
  const docker = options.docker ?? new Docker();
  const nodeId = options.nodeId ?? 'local';
  const active = new Map<string, RunningJob>();
  const jobDir = (jobId: string): string => join(options.workDir, 'jobs', JobIdSchema.parse(jobId));

  return {
    run(spec, hooks, runOptions = {}) {
      // Re-checked here because the id becomes a path and a container name.
      const parsed = JobSpecSchema.safeParse(spec);
      if (!parsed.success) throw new SandboxError(msg('sandbox:decline.malformed', { field: '' }));
      if (active.has(spec.id))
        throw new SandboxError(msg('sandbox:run.alreadyRunning', { id: spec.id }));
      const job = new JobRun(
        parsed.data,
        {
          docker,
          jobDir: jobDir(spec.id),
          nodeId,
          gpuDeviceIds: runOptions.gpuDeviceIds ?? [],
          stopGraceS: options.stopGraceS ?? 10,
          logCapBytes: options.logCapBytes ?? 64 * 1024,
          sampleIntervalMs: options.sampleIntervalMs ?? 1000,
          allowPull: options.allowPull ?? true,
          egressNetwork: options.egressNetwork ?? EGRESS_NETWORK,
          // Metering runs on the monotonic clock: wall-clock jumps (NTP, DST, manual
          // changes) and sleep/resume must neither inflate nor lose billed time.
          now: options.now ?? (() => performance.now()),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        },
        hooks,
      );
      active.set(spec.id, job);
      const forget = (): void => void active.delete(spec.id);
      job.done.then(forget, forget);
      return job;
    },

    async recoverOrphans() {
      const containers = await docker.listContainers({
        all: true,
        filters: { label: [`${LABEL_MANAGED}=true`, `${LABEL_NODE}=${nodeId}`] },
      });
      const ids = new Set<string>();
      for (const info of containers) {
        const jobId = info.Labels[LABEL_JOB];
        if (jobId !== undefined && active.has(jobId)) continue;
        await docker
          .getContainer(info.Id)
          .remove({ force: true, v: true })
          .catch((err: unknown) => {
            if (!(
              typeof err === 'object' &&
              err !== null &&
              'statusCode' in err &&
              err.statusCode === 404
            ))
              throw err;
          });
        if (jobId !== undefined) ids.add(jobId);
      }
      return [...ids];
    },

    async discardJobFiles(jobId) {
      if (active.has(jobId))
        throw new SandboxError(msg('sandbox:run.alreadyRunning', { id: jobId }));
      await rm(jobDir(jobId), { recursive: true, force: true });
    },

    activeJobs() {
      return [...active.keys()];
    },
  };
}
