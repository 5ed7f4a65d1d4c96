import { describe, expect, it } from 'vitest';
import { GpuReportSchema } from '../../../src/api/gpu-schemas.js';
import { createGpuDetector, detectGpus } from '../../../src/gpu/detector.js';
import { QUERY_GPU_FIELDS } from '../../../src/gpu/nvidia-query-csv.js';
import {
  failingNvidiaSmi,
  HANGING_SYSTEM_INFORMATION,
  makeFakeNvidiaSmi,
  makeFakeRocmSmi,
  makeFakeSystemInformation,
  projectCsv,
  readGpuFixture,
} from '../../helpers/fake-tools/index.js';

const X = 'nvidia-smi-captures/extracted/';
const NO_TOOL = '/nonexistent/lumbung-no-such-tool';

async function fake2080(): Promise<string> {
  const tool = await makeFakeNvidiaSmi({
    query: projectCsv(
      readGpuFixture(
        `${X}linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.query-gpu-all-fields.load.csv`,
      ),
      QUERY_GPU_FIELDS,
    ),
    version: readGpuFixture(
      `${X}linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.version.txt`,
    ),
    L: readGpuFixture(`${X}linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.L.txt`),
  });
  return tool.path;
}

describe('detectGpus with real processes and fake tools', () => {
  it('reads an RTX 2080 SUPER through nvidia-smi (no -q -x answer: still fine)', async () => {
    const report = await detectGpus({
      tools: { nvidiaSmi: await fake2080(), rocmSmi: NO_TOOL },
      systeminformation: false,
    });
    expect(GpuReportSchema.parse(report)).toEqual(report);
    expect(report.source).toBe('live');
    expect(report.tools.nvidiaSmi).toEqual({ state: 'ok', version: '595.71.05', problem: null });
    expect(report.tools.rocmSmi.state).toBe('missing');
    expect(report.gpus).toHaveLength(1);
    expect(report.gpus[0]).toMatchObject({
      model: 'NVIDIA GeForce RTX 2080 SUPER',
      vramMiB: 8192,
      vramUsedMiB: 819,
      cudaVersion: '13.2',
      computeCapability: '7.5',
      power: { drawW: 111.5, limitW: 250, defaultLimitW: 250, minLimitW: 105, maxLimitW: 350 },
      utilizationPct: 8,
    });
    expect(report.verdict.canShare).toBe(true);
  });

  it('joins query numbers with -q -x processes and -L MIG children (H100 MIG)', async () => {
    const tool = await makeFakeNvidiaSmi({
      query: projectCsv(
        readGpuFixture(
          `${X}linux-x86_64__nvidia-h100-mig__590.48.01.query-gpu-all-fields.load.csv`,
        ),
        QUERY_GPU_FIELDS,
      ),
      version: readGpuFixture(`${X}linux-x86_64__nvidia-h100-mig__590.48.01.version.txt`),
      L: readGpuFixture(`${X}linux-x86_64__nvidia-h100-mig__590.48.01.L.txt`),
    });
    const report = await detectGpus({
      tools: { nvidiaSmi: tool.path, rocmSmi: NO_TOOL },
      systeminformation: false,
    });
    expect(report.gpus[0]).toMatchObject({
      mig: { enabled: true, instances: 4 },
      utilizationPct: null,
      power: { limitW: 700 },
    });
    expect((await tool.log('calls.log')).sort()).toEqual(
      [
        '--version',
        `--query-gpu=${QUERY_GPU_FIELDS.join(',')} --format=csv,noheader,nounits`,
        '-L',
        '-q -x',
      ].sort(),
    );
  });

  it('takes processes and CUDA from -q -x when it answers', async () => {
    const xml = readGpuFixture('nvidia-smi-q-x/gtx1050-laptop-hp-driver-515.65.01.xml');
    const query =
      '0, GPU-x, NVIDIA GeForce GTX 1050, 00000000:01:00.0, 515.65.01, 6.1, 4096, 65, [N/A], [N/A], [N/A], [N/A], [N/A], 45, 0, [N/A], [N/A], [N/A]\n';
    const tool = await makeFakeNvidiaSmi({ query, xml });
    const si = await makeFakeSystemInformation([
      {
        vendor: 'Intel Corporation',
        model: 'UHD Graphics 630',
        vram: 128,
        vramDynamic: true,
        bus: 'Onboard',
      },
      {
        vendor: 'NVIDIA Corporation',
        model: 'GP107M [GeForce GTX 1050 Mobile]',
        vram: 4096,
        vramDynamic: false,
        bus: 'PCI',
      },
    ]);
    const report = await detectGpus({
      tools: { nvidiaSmi: tool.path, rocmSmi: NO_TOOL },
      systeminformation: { modulePath: si },
    });
    expect(report.tools.systeminformation).toEqual({ state: 'ok', version: 'fake', problem: null });
    expect(report.gpus.map((g) => [g.vendor, g.model])).toEqual([
      ['nvidia', 'NVIDIA GeForce GTX 1050'],
      ['intel', 'UHD Graphics 630'],
    ]);
    expect(report.gpus[0]).toMatchObject({
      cudaVersion: '11.7',
      power: { drawW: null, limitW: null },
    });
    expect(report.gpus[0]?.processes.map((p) => p.pid)).toEqual([1200, 30091]);
    expect(report.verdict.canShare).toBe(true);
    expect(report.verdict.reasons.map((r) => r.key)).toContain('gpu:verdict.reason.hybrid');
  });

  it('driver not loaded (exit 9): error state, plain words and fix steps', async () => {
    const si = await makeFakeSystemInformation([
      { vendor: 'NVIDIA Corporation', model: 'TU104 [GeForce RTX 2080 SUPER]', vram: 8192 },
    ]);
    const report = await detectGpus({
      tools: { nvidiaSmi: failingNvidiaSmi('no-driver'), rocmSmi: NO_TOOL },
      systeminformation: { modulePath: si },
    });
    expect(report.tools.nvidiaSmi).toEqual({
      state: 'error',
      version: null,
      problem: { key: 'gpu:problem.nvidia.noDriver' },
    });
    expect(report.gpus.map((g) => g.model)).toEqual(['TU104 [GeForce RTX 2080 SUPER]']);
    expect(report.verdict).toMatchObject({
      canShare: false,
      headline: { key: 'gpu:verdict.headline.driverBroken' },
    });
    expect(report.verdict.fixes.map((f) => f.key)).toEqual([
      'gpu:verdict.fix.installNvidiaDriver',
      'gpu:verdict.fix.restart',
    ]);
  });

  it('NVML driver/library mismatch: says so with the version, asks for a restart', async () => {
    const report = await detectGpus({
      tools: { nvidiaSmi: failingNvidiaSmi('mismatch'), rocmSmi: NO_TOOL },
      systeminformation: false,
    });
    expect(report.tools.nvidiaSmi.problem).toEqual({
      key: 'gpu:problem.nvidia.versionMismatchWithVersion',
      values: { version: '570.124' },
    });
    expect(report.verdict.fixes).toEqual([{ key: 'gpu:verdict.fix.restart' }]);
  });

  it('a hanging nvidia-smi times out instead of blocking detection', async () => {
    const report = await detectGpus({
      tools: { nvidiaSmi: failingNvidiaSmi('hang'), rocmSmi: NO_TOOL },
      toolTimeoutMs: 300,
      systeminformation: false,
    });
    expect(report.tools.nvidiaSmi).toEqual({
      state: 'timeout',
      version: null,
      problem: { key: 'gpu:problem.nvidia.timeout' },
    });
    expect(report.verdict.headline.key).toBe('gpu:verdict.headline.driverNotAnswering');
  });

  it('nothing installed and no GPU: CPU jobs only, in plain words', async () => {
    const si = await makeFakeSystemInformation([
      { vendor: 'ASPEED Technology, Inc.', model: 'ASPEED Graphics Family', vram: 16 },
    ]);
    const report = await detectGpus({
      tools: { nvidiaSmi: NO_TOOL, rocmSmi: NO_TOOL },
      systeminformation: { modulePath: si },
    });
    expect(report.tools.nvidiaSmi.state).toBe('missing');
    expect(report.gpus).toEqual([]);
    expect(report.verdict.headline).toEqual({ key: 'gpu:verdict.headline.noGpu' });
    expect(report.verdict.reasons.map((r) => r.key)).toEqual([
      'gpu:verdict.reason.displayAdapterIgnored',
      'gpu:verdict.reason.cpuJobsStillPossible',
    ]);
  });

  it('reads AMD cards through rocm-smi', async () => {
    const rocm = await makeFakeRocmSmi(readGpuFixture('rocm-smi-json/rx6700xt_rocm612.json'));
    const report = await detectGpus({
      tools: { nvidiaSmi: NO_TOOL, rocmSmi: rocm.path },
      systeminformation: false,
    });
    expect(report.tools.rocmSmi).toEqual({ state: 'ok', version: '6.3.6', problem: null });
    expect(report.gpus[0]).toMatchObject({ vendor: 'amd', computeCapability: 'gfx1031' });
    expect(report.verdict.headline.key).toBe('gpu:verdict.headline.amdNotYet');
  });

  it('runs the real systeminformation in a worker (this machine has no GPU)', async () => {
    const report = await detectGpus({ tools: { nvidiaSmi: NO_TOOL, rocmSmi: NO_TOOL } });
    expect(report.tools.systeminformation.state).toBe('ok');
    expect(report.tools.systeminformation.version).toMatch(/^5\./);
  });

  it('gives up on a systeminformation that blocks its thread', async () => {
    const report = await detectGpus({
      tools: { nvidiaSmi: await fake2080(), rocmSmi: NO_TOOL },
      systeminformation: { modulePath: HANGING_SYSTEM_INFORMATION, timeoutMs: 300 },
    });
    expect(report.tools.systeminformation).toEqual({
      state: 'timeout',
      version: null,
      problem: { key: 'gpu:problem.si.timeout' },
    });
    expect(report.verdict.canShare).toBe(true);
  });
});

describe('createGpuDetector', () => {
  it('detects once, serves the cache, and detects again on refresh', async () => {
    const tool = await makeFakeNvidiaSmi({
      query: projectCsv(
        readGpuFixture(
          `${X}linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.query-gpu-all-fields.idle.csv`,
        ),
        QUERY_GPU_FIELDS,
      ),
    });
    const queries = async () =>
      (await tool.log('calls.log')).filter((c) => c.startsWith('--query-gpu')).length;
    const detector = createGpuDetector({
      tools: { nvidiaSmi: tool.path, rocmSmi: NO_TOOL },
      systeminformation: false,
    });
    const [a, b] = await Promise.all([detector.report(), detector.report()]);
    expect(a).toBe(b);
    expect(await detector.report()).toBe(a);
    expect(await queries()).toBe(1);
    const fresh = await detector.refresh();
    expect(fresh).not.toBe(a);
    expect(await detector.report()).toBe(fresh);
    expect(await queries()).toBe(2);
  });
});
