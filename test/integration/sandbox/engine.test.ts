import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/sandbox.js';
import {
  EngineStatusSchema,
  type EngineStatus,
  type JobSpec,
} from '../../../src/api/sandbox-schemas.js';
import { admit } from '../../../src/sandbox/admission.js';
import { probeEngine } from '../../../src/sandbox/engine.js';
import { explainEngineError } from '../../../src/sandbox/engine-errors.js';
import { SandboxError } from '../../../src/sandbox/errors.js';
import { containersForJob } from '../../helpers/docker.js';
import { harness, type Harness } from './setup.js';

let h: Harness;
let engine: EngineStatus;
beforeAll(async () => {
  h = await harness('engine');
  engine = await probeEngine({ docker: h.docker, socket: 'test' });
});
afterAll(async () => {
  await h.close();
});

const gpuJob = (): JobSpec =>
  h.spec(['/bin/true'], {
    kind: 'gpu',
    resources: { gpus: 1, vramMiB: 1024, cpus: 1, memoryMiB: 64, scratchMiB: 8 },
  });

describe('probeEngine on this machine', () => {
  it('finds Docker by itself (DOCKER_HOST or the usual sockets), with version and no GPU runtime', async () => {
    const status = await probeEngine();
    expect(EngineStatusSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({ found: true, kind: 'docker', problem: null });
    expect(status.version).toMatch(/^\d+\.\d+/);
    expect(status.apiVersion).toMatch(/^1\.\d+$/);
    expect(status.gpu).toEqual({
      runtime: false,
      toolkitVersion: null,
      safe: false,
      problem: { key: 'sandbox:gpu.noRuntime' },
    });
    expect(status.fixes).toEqual([{ key: 'sandbox:fix.installToolkit' }]);
  });

  it('DOCKER_HOST naming a socket that is not there: not found, install or start Docker', async () => {
    const status = await probeEngine({
      env: { DOCKER_HOST: 'unix:///nonexistent/lumbung/docker.sock' },
    });
    expect(status).toMatchObject({
      found: false,
      socket: 'unix:///nonexistent/lumbung/docker.sock',
    });
    expect(status.problem).toEqual({ key: 'sandbox:engine.notFound' });
    expect(status.fixes.map((f) => f.key)).toEqual([
      'sandbox:fix.installDocker',
      'sandbox:fix.startDocker',
    ]);
  });

  it('a socket nobody answers on (engine crashed): not running, start Docker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumbung-sock-'));
    const path = join(dir, 'docker.sock');
    try {
      // A killed listener leaves its socket file behind, as a crashed engine does.
      const child = spawn(process.execPath, [
        '-e',
        `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`,
      ]);
      await once(child.stdout, 'data');
      child.kill('SIGKILL');
      await once(child, 'exit');
      const status = await probeEngine({ env: { DOCKER_HOST: `unix://${path}` } });
      expect(status.problem).toEqual({ key: 'sandbox:engine.notRunning' });
      expect(status.fixes).toEqual([{ key: 'sandbox:fix.startDocker' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('GPU jobs on a machine without a GPU runtime', () => {
  it('are declined with the engine’s reason, in plain words', () => {
    const answer = admit(gpuJob(), { ...LIMITS_ALLOWING_GPU }, engine);
    expect(answer).toEqual({ ok: false, reason: { key: 'sandbox:gpu.noRuntime' } });
    expect(en.gpu.noRuntime).toMatch(/^GPU sharing needs the NVIDIA Container Toolkit/);
  });

  it('while CPU jobs are still admitted', () => {
    expect(admit(h.spec(['/bin/true']), LIMITS_ALLOWING_GPU, engine).ok).toBe(true);
  });

  it('the engine’s real answer to a DeviceRequest is an error we put in plain words', async () => {
    const container = await h.docker.createContainer({
      Image: h.busybox.replace(/^.*@/, ''),
      Cmd: ['/bin/true'],
      Labels: { 'lumbung.node': h.nodeId },
      HostConfig: {
        DeviceRequests: [
          {
            Driver: 'nvidia',
            DeviceIDs: ['GPU-00000000-0000-0000-0000-000000000000'],
            Capabilities: [['gpu']],
          },
        ],
      },
    });
    try {
      const error = await container.start().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(String((error as { json?: { message?: string } }).json?.message ?? error)).toMatch(
        /could not select device driver "nvidia"/,
      );
      expect(explainEngineError(error)).toEqual({ key: 'sandbox:run.gpuDriverMissing' });
    } finally {
      await container.remove({ force: true });
    }
  });

  it('a GPU job forced past admission fails to start with that reason and leaves nothing behind', async () => {
    const job = h.runner.run(
      gpuJob(),
      {},
      { gpuDeviceIds: ['GPU-00000000-0000-0000-0000-000000000000'] },
    );
    const error = await job.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).reason).toEqual({ key: 'sandbox:run.gpuDriverMissing' });
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });
});

const LIMITS_ALLOWING_GPU = {
  maxCpus: 4,
  maxMemoryMiB: 4096,
  maxScratchMiB: 1024,
  maxDurationS: 3600,
  maxPids: 1024,
  allowEgress: false,
  allowGpu: true,
  maxGpus: 1,
  maxVramMiB: 8192,
};
