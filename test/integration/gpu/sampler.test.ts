import { afterEach, describe, expect, it } from 'vitest';
import type { GpuSample } from '../../../src/api/gpu-schemas.js';
import type { Message } from '../../../src/api/message.js';
import {
  createGpuSampler,
  parseSampleLine,
  SAMPLE_FIELDS,
  type GpuSampler,
} from '../../../src/gpu/sampler.js';
import { makeFakeNvidiaSmi, projectCsv, readGpuFixture } from '../../helpers/fake-tools/index.js';

const X = 'nvidia-smi-captures/extracted/';
const idle = projectCsv(
  readGpuFixture(
    `${X}linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.query-gpu-all-fields.idle.csv`,
  ),
  SAMPLE_FIELDS,
);
const load = projectCsv(
  readGpuFixture(
    `${X}linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.query-gpu-all-fields.load.csv`,
  ),
  SAMPLE_FIELDS,
);
const mig = projectCsv(
  readGpuFixture(`${X}linux-x86_64__nvidia-h100-mig__590.48.01.query-gpu-all-fields.load.csv`),
  SAMPLE_FIELDS,
);

let running: GpuSampler | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

function collect(sampler: GpuSampler, count: number): Promise<GpuSample[]> {
  const samples: GpuSample[] = [];
  return new Promise((resolve) => {
    const on = (sample: GpuSample): void => {
      samples.push(sample);
      if (samples.length === count) {
        sampler.off('sample', on);
        resolve(samples);
      }
    };
    sampler.on('sample', on);
  });
}

describe('parseSampleLine', () => {
  it('reads a captured line and turns MIG [N/A] utilization into null', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(parseSampleLine(load.trim(), at)).toEqual({
      at: '2026-01-01T00:00:00.000Z',
      uuid: 'GPU-00000000-0000-0000-0000-000000000000',
      index: 0,
      powerW: 111.5,
      temperatureC: 45,
      utilizationPct: 8,
      memoryUsedMiB: 819,
    });
    expect(parseSampleLine(mig.trim(), at)).toMatchObject({ utilizationPct: null, powerW: 433.78 });
    expect(parseSampleLine('No devices were found', at)).toBeNull();
  });
});

describe('GpuSampler with one long-lived fake nvidia-smi', () => {
  it('streams samples from a single process and stops it', async () => {
    const tool = await makeFakeNvidiaSmi({ samples: idle + load });
    running = createGpuSampler({ nvidiaSmi: tool.path, intervalMs: 100 });
    const got = collect(running, 5);
    running.start();
    const samples = await got;
    expect(samples.map((s) => s.powerW)).toEqual([39.32, 111.5, 39.32, 111.5, 39.32]);
    await running.stop();
    expect(running.running).toBe(false);
    expect(await tool.log('launches.log')).toHaveLength(1);
    const [call] = await tool.log('calls.log');
    expect(call).toBe(
      `--query-gpu=${SAMPLE_FIELDS.join(',')} --format=csv,noheader,nounits -lms 100`,
    );
  });

  it('restarts a dying nvidia-smi and says what happened', async () => {
    const tool = await makeFakeNvidiaSmi({ samples: load, dieAfter: 2 });
    running = createGpuSampler({ nvidiaSmi: tool.path, backoff: { initialMs: 20, maxMs: 100 } });
    const problems: Message[] = [];
    running.on('problem', (p) => problems.push(p));
    const got = collect(running, 6);
    running.start();
    expect(await got).toHaveLength(6);
    expect((await tool.log('launches.log')).length).toBeGreaterThanOrEqual(3);
    expect(problems[0]).toEqual({ key: 'gpu:problem.nvidia.gpuLost' });
  });

  it('reports a missing nvidia-smi and keeps trying until stopped', async () => {
    running = createGpuSampler({
      nvidiaSmi: '/nonexistent/nvidia-smi',
      backoff: { initialMs: 10, maxMs: 20 },
    });
    const problems: Message[] = [];
    const twice = new Promise<void>((resolve) =>
      running!.on('problem', (p) => {
        problems.push(p);
        if (problems.length === 2) resolve();
      }),
    );
    running.start();
    await twice;
    expect(problems[0]).toEqual({ key: 'gpu:problem.toolMissing', values: { tool: 'nvidia-smi' } });
  });
});
