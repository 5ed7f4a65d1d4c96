import type { EngineStatus, JobSpec, OwnerLimits } from '../../../src/api/sandbox-schemas.js';

export const DIGEST = 'a'.repeat(64);

export function cpuSpec(overrides: Partial<JobSpec> = {}): JobSpec {
  return {
    id: 'job-1',
    kind: 'cpu',
    image: `example/work@sha256:${DIGEST}`,
    command: ['/bin/sh', '-c', 'echo hi'],
    env: { MODE: 'fast' },
    resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 256, scratchMiB: 64, pids: 64 },
    maxDurationS: 600,
    egress: false,
    inputs: [],
    pricePerGpuHour: '1000000000000000000',
    ...overrides,
  };
}

export function gpuSpec(overrides: Partial<JobSpec> = {}): JobSpec {
  return cpuSpec({
    kind: 'gpu',
    resources: { gpus: 1, vramMiB: 4096, cpus: 2, memoryMiB: 1024, scratchMiB: 256 },
    ...overrides,
  });
}

export const LIMITS: OwnerLimits = {
  maxCpus: 4,
  maxMemoryMiB: 8192,
  maxScratchMiB: 4096,
  maxDurationS: 3600,
  maxPids: 1024,
  allowEgress: false,
  allowGpu: true,
  maxGpus: 1,
  maxVramMiB: 8192,
};

export const ENGINE_GPU_OK: EngineStatus = {
  found: true,
  kind: 'docker',
  version: '27.3.1',
  apiVersion: '1.47',
  socket: '/var/run/docker.sock',
  gpu: { runtime: true, toolkitVersion: '1.17.8', safe: true, problem: null },
  problem: null,
  fixes: [],
};

export const ENGINE_NO_GPU: EngineStatus = {
  ...ENGINE_GPU_OK,
  gpu: {
    runtime: false,
    toolkitVersion: null,
    safe: false,
    problem: { key: 'sandbox:gpu.noRuntime' },
  },
  fixes: [{ key: 'sandbox:fix.installToolkit' }],
};

export const ENGINE_UNSAFE_GPU: EngineStatus = {
  ...ENGINE_GPU_OK,
  gpu: {
    runtime: true,
    toolkitVersion: '1.17.7',
    safe: false,
    problem: { key: 'sandbox:gpu.toolkitUnsafe', values: { version: '1.17.7', minimum: '1.17.8' } },
  },
};

export const ENGINE_MISSING: EngineStatus = {
  found: false,
  kind: null,
  version: null,
  apiVersion: null,
  socket: null,
  gpu: {
    runtime: false,
    toolkitVersion: null,
    safe: false,
    problem: { key: 'sandbox:gpu.noEngine' },
  },
  problem: { key: 'sandbox:engine.notFound' },
  fixes: [{ key: 'sandbox:fix.installDocker' }],
};
