import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_GPU_FIELDS } from '../../../src/gpu/nvidia-query-csv.js';
import { startNode, type StartedNode } from '../../../src/node/index.js';
import type { Status } from '../../../src/api/status-schemas.js';
import {
  makeFakeNvidiaSmi,
  projectCsv,
  readGpuFixture,
  type FakeTool,
} from '../../helpers/fake-tools/index.js';
import { until as waitUntil } from '../../helpers/until.js';

const until = <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000) =>
  waitUntil(what, probe, timeoutMs);

const X = 'nvidia-smi-captures/extracted/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05';
const QUIET_PMON = [
  '# gpu         pid   type     sm    mem    enc    dec    command',
  '# Idx           #    C/G      %      %      %      %    name',
  '    0       1696     G      -      -      -      -    gnome-shell',
  '',
].join('\n');
const GAME_PMON = QUIET_PMON + '    0       7777     G     62     20      -      -    game.exe\n';

const docker = new Docker();
let node: StartedNode;
let nvidia: FakeTool;

const status = (): Promise<Status> => node.api['status.get'](undefined);

async function containerPaused(jobId: string): Promise<boolean> {
  const info = await docker.getContainer(`lumbung-job-${jobId}`).inspect();
  return info.State.Paused;
}

beforeAll(async () => {
  nvidia = await makeFakeNvidiaSmi({
    query: projectCsv(readGpuFixture(`${X}.query-gpu-all-fields.idle.csv`), QUERY_GPU_FIELDS),
    version: readGpuFixture(`${X}.version.txt`),
    L: readGpuFixture(`${X}.L.txt`),
    pmon: QUIET_PMON,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-policy-node-'));
  node = await startNode({
    dataDir,
    shell: 'headless',
    // Long sample jobs, so one is still running while the owner starts a game.
    network: { kind: 'local', offerIntervalMs: 300, jobSize: 400_000 },
    walletScrypt: { N: 1024 },
    gpu: { systeminformation: false, tools: { nvidiaSmi: nvidia.path, rocmSmi: '/nonexistent' } },
    log: () => undefined,
  });
}, 120_000);

afterAll(async () => {
  await node?.stop();
});

describe('the node gets out of the way of the owner’s GPU use', () => {
  it('freezes the running job when a game uses the GPU and resumes it after the quiet period', async () => {
    await node.api['settings.update']({
      policy: {
        schedule: { preset: 'always', spans: [] },
        resumeQuietMinutes: 0,
        idleMinutes: 0,
        preemptGraceS: 600,
      },
    });
    await node.api['wallet.create']({ password: 'correct horse battery' });
    await node.api['sharing.set']({ on: true });
    const running = await until(
      'a running job',
      async () => {
        const s = await status();
        return s.state === 'running' && s.job ? s : null;
      },
      90_000,
    );
    const jobId = running.job!.id;
    await until('the container to run', async () =>
      (await containerPaused(jobId).catch(() => null)) === false ? true : null,
    );

    await writeFile(join(nvidia.dir, 'pmon.txt'), GAME_PMON);
    const paused = await until('paused', async () => {
      const s = await status();
      return s.state === 'paused' ? s : null;
    });
    expect(paused.headline.key).toMatch(/^policy:/);
    expect(await containerPaused(jobId)).toBe(true);
    expect(paused.job?.id).toBe(jobId);

    await writeFile(join(nvidia.dir, 'pmon.txt'), QUIET_PMON);
    const resumed = await until('running again', async () => {
      const s = await status();
      return s.state === 'running' ? s : null;
    });
    expect(resumed.job?.id).toBe(jobId);
    expect(await containerPaused(jobId)).toBe(false);
  }, 180_000);
});
