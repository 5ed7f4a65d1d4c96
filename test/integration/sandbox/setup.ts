import type Docker from 'dockerode';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobSpec } from '../../../src/api/sandbox-schemas.js';
import { createRunner, type Runner, type RunnerOptions } from '../../../src/sandbox/runner.js';
import { removeNodeContainers, testDocker, uniqueJobId } from '../../helpers/docker.js';
import { busyboxImage } from '../../helpers/images.js';

export interface Harness {
  docker: Docker;
  runner: Runner;
  workDir: string;
  nodeId: string;
  busybox: string;
  spec(command: string[], patch?: Partial<JobSpec>): JobSpec;
  close(): Promise<void>;
}

/** One runner per test file, on its own node id, so files running side by side never touch each other's jobs. */
export async function harness(
  name: string,
  options: Partial<RunnerOptions> = {},
): Promise<Harness> {
  const docker = testDocker();
  const workDir = await mkdtemp(join(tmpdir(), `lumbung-${name}-`));
  const nodeId = uniqueJobId(`test-${name}`);
  const runner = createRunner({
    docker,
    workDir,
    nodeId,
    stopGraceS: 1,
    sampleIntervalMs: 250,
    allowPull: false,
    ...options,
  });
  const busybox = await busyboxImage(docker);
  return {
    docker,
    runner,
    workDir,
    nodeId,
    busybox,
    spec: (command, patch = {}) => ({
      id: uniqueJobId(name),
      kind: 'cpu',
      image: busybox,
      command,
      env: {},
      resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 8, pids: 64 },
      maxDurationS: 60,
      egress: false,
      inputs: [],
      pricePerGpuHour: '0',
      ...patch,
    }),
    async close() {
      await removeNodeContainers(docker, nodeId);
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export const sh = (script: string): string[] => ['/bin/sh', '-c', script];
