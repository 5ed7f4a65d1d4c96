import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/sandbox/job-run.js';
import { SandboxError } from '../../../src/sandbox/errors.js';
import { containersForJob } from '../../helpers/docker.js';
import { busyboxImage } from '../../helpers/images.js';
import { harness, sh, type Harness } from './setup.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('life', { logCapBytes: 1024 });
});
afterAll(async () => {
  await h.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('job lifecycle, against the real engine', () => {
  it('pause freezes the job: its CPU time stops growing until resumed', async () => {
    const states: JobState[] = [];
    const job = h.runner.run(h.spec(sh('while :; do :; done'), { maxDurationS: 120 }), {
      onState: (s) => states.push(s),
    });
    await until(async () => (await job.metering()).cpuS > 0.2, 'CPU time to accumulate');
    await job.pause();
    expect(job.state()).toBe('paused');
    const frozen = await job.metering();
    await sleep(1500);
    const later = await job.metering();
    expect(later.cpuS).toBe(frozen.cpuS);
    await job.resume();
    await until(async () => (await job.metering()).cpuS > later.cpuS, 'CPU time to grow again');
    await job.stop();
    const result = await job.done;
    expect(result.outcome).toBe('stopped');
    expect(result.metering.pausedS).toBeGreaterThan(1);
    expect(result.metering.cpuS).toBeGreaterThan(0.2);
    expect(states).toEqual(['running', 'paused', 'running', 'stopping', 'finished']);
  });

  it('stop: SIGTERM, grace, SIGKILL; reported as stopped with its reason; nothing left behind', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600']));
    await until(async () => job.state() === 'running', 'the job to run');
    await job.stop('preempted');
    const result = await job.done;
    expect(result).toMatchObject({ outcome: 'stopped', stopReason: 'preempted' });
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('stopping a paused job thaws and ends it', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600']));
    await until(async () => job.state() === 'running', 'the job to run');
    await job.pause();
    await job.stop();
    expect((await job.done).outcome).toBe('stopped');
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('stop before the container starts: the job never runs', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600']));
    await job.stop();
    const result = await job.done;
    expect(result.outcome).toBe('stopped');
    expect(result.metering.runningS).toBe(0);
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('the time limit ends the job as timeout and leaves nothing behind', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600'], { maxDurationS: 2 }));
    const result = await job.done;
    expect(result).toMatchObject({ outcome: 'timeout', stopReason: 'timeout' });
    expect(result.metering.runningS).toBeGreaterThanOrEqual(2);
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('a failing program is reported as failed with its exit code', async () => {
    const result = await h.runner.run(h.spec(sh('echo oops >&2; exit 3'))).done;
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 3, logTail: 'oops\n' });
  });

  it('logs are kept size-capped (the end survives) and streamed to the hook', async () => {
    let streamed = '';
    const job = h.runner.run(
      h.spec(sh('i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done')),
      {
        onLog: (text) => (streamed += text),
      },
    );
    const result = await job.done;
    expect(Buffer.byteLength(result.logTail)).toBeLessThanOrEqual(1024);
    expect(result.logTail.endsWith('line 2999\n')).toBe(true);
    expect(streamed).toContain('line 0\n');
    expect(streamed.endsWith('line 2999\n')).toBe(true);
  });

  it('results larger than allowed stop the job', async () => {
    const job = h.runner.run(
      h.spec(sh('dd if=/dev/zero of=/out/big bs=1024 count=3072 2>/dev/null; sleep 600'), {
        resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 1, pids: 64 },
      }),
    );
    const result = await job.done;
    expect(result).toMatchObject({ outcome: 'failed', stopReason: 'outputTooLarge' });
  });

  it('a container removed from outside ends the job as interrupted', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600']));
    await until(async () => job.state() === 'running', 'the job to run');
    const [info] = await containersForJob(h.docker, job.jobId);
    await h.docker.getContainer(info!.Id).remove({ force: true });
    expect((await job.done).outcome).toBe('interrupted');
  });

  it('an image whose config sets LD_PRELOAD is refused before any container exists', async () => {
    const image = await busyboxImage(h.docker, {
      name: 'preload',
      changes: ['ENV LD_PRELOAD=/evil.so'],
    });
    const job = h.runner.run(h.spec(['/bin/true'], { image }));
    const error = await job.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).reason).toEqual({
      key: 'sandbox:decline.imageEnv',
      values: { name: 'LD_PRELOAD' },
    });
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('an image that is not here (and may not be pulled) is refused in plain words', async () => {
    const job = h.runner.run(
      h.spec(['/bin/true'], { image: `lumbung-test/absent@sha256:${'0'.repeat(64)}` }),
    );
    const error = await job.done.catch((e: unknown) => e);
    expect((error as SandboxError).reason.key).toBe('sandbox:run.imageUnavailable');
  });

  it('the same job id cannot run twice at once', async () => {
    const spec = h.spec(['/bin/sleep', '600']);
    const job = h.runner.run(spec);
    expect(() => h.runner.run(spec)).toThrow(SandboxError);
    await job.stop();
    await job.done;
  });
});
