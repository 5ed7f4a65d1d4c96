import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Gpu, GpuReport, ToolState } from '../../../src/api/gpu-schemas.js';
import { msg } from '../../../src/api/message.js';
import { buildVerdict, MIN_SHAREABLE_VRAM_MIB, shareBlocker } from '../../../src/gpu/verdict.js';

const ok: ToolState = { state: 'ok', version: null, problem: null };
const missing: ToolState = { state: 'missing', version: null, problem: null };
const tools = (nvidiaSmi: ToolState = ok): GpuReport['tools'] => ({
  systeminformation: ok,
  nvidiaSmi,
  rocmSmi: missing,
});

function gpu(overrides: Partial<Gpu> = {}): Gpu {
  return {
    index: 0,
    uuid: null,
    vendor: 'nvidia',
    model: 'NVIDIA GeForce RTX 3060',
    vramMiB: 12288,
    vramUsedMiB: 100,
    driverVersion: '570.124.04',
    cudaVersion: '12.8',
    computeCapability: '8.6',
    power: { drawW: 10, limitW: 170, defaultLimitW: 170, minLimitW: 100, maxLimitW: 190 },
    temperatureC: 40,
    utilizationPct: 0,
    fanPct: 0,
    mig: { enabled: false, instances: 0 },
    processes: [],
    busId: '00000000:01:00.0',
    isIntegrated: false,
    ...overrides,
  };
}
const intelIgpu = gpu({
  vendor: 'intel',
  model: 'Intel UHD Graphics 630',
  isIntegrated: true,
  vramMiB: 1024,
});

describe('buildVerdict', () => {
  it('no GPU: cannot share a GPU, says CPU jobs still work', () => {
    const verdict = buildVerdict({ gpus: [], tools: tools(missing) });
    expect(verdict.canShare).toBe(false);
    expect(verdict.headline).toEqual(msg('gpu:verdict.headline.noGpu'));
    expect(verdict.reasons).toContainEqual(msg('gpu:verdict.reason.cpuJobsStillPossible'));
  });

  it('one NVIDIA card: ready, by name', () => {
    expect(buildVerdict({ gpus: [gpu()], tools: tools() })).toEqual({
      canShare: true,
      headline: msg('gpu:verdict.headline.ready', { model: 'NVIDIA GeForce RTX 3060' }),
      reasons: [],
      fixes: [],
    });
  });

  it('several cards: counts them', () => {
    const verdict = buildVerdict({ gpus: [gpu(), gpu({ index: 1 })], tools: tools() });
    expect(verdict.headline).toEqual(msg('gpu:verdict.headline.readyMany', { count: 2 }));
    expect(verdict.reasons).toContainEqual(msg('gpu:verdict.reason.multiGpu', { count: 2 }));
  });

  it('driver broken: the tool problem is the reason, with fix steps', () => {
    const problem = msg('gpu:problem.nvidia.noDriver');
    const verdict = buildVerdict({
      gpus: [gpu()],
      tools: tools({ state: 'error', version: null, problem }),
    });
    expect(verdict.canShare).toBe(false);
    expect(verdict.headline.key).toBe('gpu:verdict.headline.driverBroken');
    expect(verdict.reasons[0]).toEqual(problem);
    expect(verdict.fixes).toEqual([
      msg('gpu:verdict.fix.installNvidiaDriver'),
      msg('gpu:verdict.fix.restart'),
    ]);
  });

  it('driver/library mismatch: a restart is the fix', () => {
    const problem = msg('gpu:problem.nvidia.versionMismatchWithVersion', { version: '570.124' });
    const verdict = buildVerdict({
      gpus: [],
      tools: tools({ state: 'error', version: null, problem }),
    });
    expect(verdict.fixes).toEqual([msg('gpu:verdict.fix.restart')]);
  });

  it('NVIDIA card seen but no nvidia-smi: install the driver', () => {
    const problem = msg('gpu:problem.toolMissing', { tool: 'nvidia-smi' });
    const verdict = buildVerdict({
      gpus: [gpu()],
      tools: tools({ state: 'missing', version: null, problem }),
    });
    expect(verdict.headline.key).toBe('gpu:verdict.headline.driverMissing');
    expect(verdict.fixes).toEqual([msg('gpu:verdict.fix.installNvidiaDriver')]);
  });

  it('a hung driver: not answering, restart', () => {
    const verdict = buildVerdict({
      gpus: [],
      tools: tools({ state: 'timeout', version: null, problem: msg('gpu:problem.nvidia.timeout') }),
    });
    expect(verdict.headline.key).toBe('gpu:verdict.headline.driverNotAnswering');
    expect(verdict.fixes).toEqual([msg('gpu:verdict.fix.restart')]);
  });

  it('MIG with no instances: not shareable, explains how to fix', () => {
    const verdict = buildVerdict({
      gpus: [gpu({ model: 'NVIDIA H100', mig: { enabled: true, instances: 0 } })],
      tools: tools(),
    });
    expect(verdict.canShare).toBe(false);
    expect(verdict.headline).toEqual(
      msg('gpu:verdict.headline.migNoInstances', { model: 'NVIDIA H100' }),
    );
    expect(verdict.fixes).toEqual([msg('gpu:verdict.fix.migInstances')]);
  });

  it('integrated-only laptop: built-in graphics, CPU jobs possible', () => {
    const verdict = buildVerdict({ gpus: [intelIgpu], tools: tools(missing) });
    expect(verdict.canShare).toBe(false);
    expect(verdict.headline.key).toBe('gpu:verdict.headline.integratedOnly');
    expect(verdict.reasons).toContainEqual(msg('gpu:verdict.reason.integratedOnly'));
  });

  it('hybrid laptop: shares the NVIDIA card, says the built-in one is left alone', () => {
    const verdict = buildVerdict({
      gpus: [gpu({ model: 'NVIDIA GeForce GTX 1050', vramMiB: 4096 }), intelIgpu],
      tools: tools(),
    });
    expect(verdict.canShare).toBe(true);
    expect(verdict.reasons).toContainEqual(msg('gpu:verdict.reason.hybrid'));
  });

  it('unsupported vendor and BMC display chips', () => {
    const verdict = buildVerdict({
      gpus: [gpu({ vendor: 'intel', model: 'Intel Arc A770', isIntegrated: false })],
      tools: tools(missing),
      ignoredDisplayAdapters: ['ASPEED Graphics Family'],
    });
    expect(verdict.headline).toEqual(
      msg('gpu:verdict.headline.unsupported', { model: 'Intel Arc A770' }),
    );
    expect(verdict.reasons).toContainEqual(
      msg('gpu:verdict.reason.displayAdapterIgnored', { model: 'ASPEED Graphics Family' }),
    );
  });

  it('canShare is true exactly when some GPU has no blocker (property)', () => {
    const gpuArb = fc
      .record({
        vendor: fc.constantFrom('nvidia', 'amd', 'intel', 'apple', 'other') as fc.Arbitrary<
          Gpu['vendor']
        >,
        isIntegrated: fc.boolean(),
        vramMiB: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
        mig: fc.record({ enabled: fc.boolean(), instances: fc.integer({ min: 0, max: 7 }) }),
      })
      .map((o) => gpu(o));
    const stateArb = fc.constantFrom('ok', 'missing', 'error', 'timeout') as fc.Arbitrary<
      ToolState['state']
    >;
    fc.assert(
      fc.property(fc.array(gpuArb, { maxLength: 5 }), stateArb, (gpus, state) => {
        const t = tools({
          state,
          version: null,
          problem: state === 'ok' ? null : msg('gpu:problem.nvidia.failed', { code: 1 }),
        });
        const verdict = buildVerdict({ gpus, tools: t });
        expect(verdict.canShare).toBe(gpus.some((g) => shareBlocker(g, t) === null));
        if (!verdict.canShare)
          expect(verdict.reasons).toContainEqual(msg('gpu:verdict.reason.cpuJobsStillPossible'));
        if (verdict.canShare) {
          expect(
            gpus.some(
              (g) =>
                g.vendor === 'nvidia' &&
                !g.isIntegrated &&
                (g.vramMiB ?? MIN_SHAREABLE_VRAM_MIB) >= MIN_SHAREABLE_VRAM_MIB,
            ),
          ).toBe(true);
          expect(state).toBe('ok');
        }
      }),
    );
  });
});
