import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner } from '../../../src/sandbox/runner.js';
import { containersForJob, uniqueJobId } from '../../helpers/docker.js';
import { harness, type Harness } from './setup.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('orphans');
});
afterAll(async () => {
  await h.close();
});

const jitiCli = join(
  createRequire(import.meta.url).resolve('jiti/package.json'),
  '..',
  'lib',
  'jiti-cli.mjs',
);

async function waitForLine(stream: NodeJS.ReadableStream, line: string): Promise<void> {
  let seen = '';
  for await (const chunk of stream) {
    seen += String(chunk);
    if (seen.split('\n').includes(line)) return;
  }
  throw new Error(`stream ended before "${line}"; saw: ${seen}`);
}

describe('orphan recovery', () => {
  it('a node killed mid-job leaves a labelled container; the next start removes it and names the job', async () => {
    const jobId = uniqueJobId('crash');
    const child = spawn(
      process.execPath,
      [
        jitiCli,
        join(import.meta.dirname, 'fixtures/crash-child.ts'),
        h.workDir,
        h.nodeId,
        h.busybox,
        jobId,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await waitForLine(child.stdout, 'running');
    child.kill('SIGKILL');
    await once(child, 'exit');

    const left = await containersForJob(h.docker, jobId);
    expect(left).toHaveLength(1);
    expect(left[0]!.State).toBe('running');
    expect(left[0]!.Labels).toMatchObject({
      'lumbung.managed': 'true',
      'lumbung.job': jobId,
      'lumbung.node': h.nodeId,
    });

    // Another node sharing the engine leaves it alone.
    const stranger = createRunner({
      docker: h.docker,
      workDir: h.workDir,
      nodeId: uniqueJobId('other'),
    });
    expect(await stranger.recoverOrphans()).toEqual([]);
    expect(await containersForJob(h.docker, jobId)).toHaveLength(1);

    const restarted = createRunner({ docker: h.docker, workDir: h.workDir, nodeId: h.nodeId });
    expect(await restarted.recoverOrphans()).toEqual([jobId]);
    expect(await containersForJob(h.docker, jobId)).toEqual([]);
    expect(await restarted.recoverOrphans()).toEqual([]);
  });

  it('recovery never touches the runner’s own running jobs', async () => {
    const job = h.runner.run(h.spec(['/bin/sleep', '600']));
    for (let i = 0; i < 100 && job.state() !== 'running'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await h.runner.recoverOrphans()).toEqual([]);
    expect(job.state()).toBe('running');
    await job.stop();
    expect((await job.done).outcome).toBe('stopped');
  });
});
