import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNvidiaSmiPmon, type PmonRow } from '../../../src/gpu/nvidia-pmon.js';
import { foreignGpuProcesses } from '../../../src/gpu/pmon.js';
import { findSection, splitSession } from '../../../src/gpu/session-capture.js';
import { readGpuFixture } from '../../helpers/fake-tools/index.js';

const loadPmon = (file: string) =>
  parseNvidiaSmiPmon(
    findSection(splitSession(readGpuFixture(`nvidia-smi-captures/${file}`)), /pmon/, 'load')!.body,
  );

describe('foreignGpuProcesses', () => {
  it("finds the owner's ffmpeg encoders, not the idle desktop", () => {
    const rows = loadPmon('linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04.txt');
    const foreign = foreignGpuProcesses(rows, new Set(), 3);
    expect(foreign.map((p) => [p.pid, p.command, p.smPct]).sort()).toEqual([
      [28511, 'ffmpeg', 3],
      [28512, 'ffmpeg', 7],
    ]);
  });

  it('ignores our own container processes', () => {
    const rows = loadPmon('linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt');
    expect(foreignGpuProcesses(rows, new Set()).map((p) => p.pid)).toEqual([11345]);
    expect(foreignGpuProcesses(rows, new Set([11345]))).toEqual([]);
  });

  it('treats processes with no SM reading as not busy (MIG hides per-process SM)', () => {
    expect(
      foreignGpuProcesses(loadPmon('linux-x86_64__nvidia-h100-mig__590.48.01.txt'), new Set()),
    ).toEqual([]);
  });

  it('never reports one of ours and never a process under the threshold (property)', () => {
    const row = fc.record({
      gpu: fc.integer({ min: 0, max: 3 }),
      pid: fc.integer({ min: 1, max: 50 }),
      type: fc.constantFrom('C', 'G', 'C+G'),
      smPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      memPct: fc.constant(null),
      command: fc.constantFrom('game.exe', 'python'),
    }) as fc.Arbitrary<PmonRow>;
    fc.assert(
      fc.property(
        fc.array(row),
        fc.uniqueArray(fc.integer({ min: 1, max: 50 })),
        fc.integer({ min: 0, max: 100 }),
        (rows, ours, min) => {
          const found = foreignGpuProcesses(rows, new Set(ours), min);
          for (const p of found) {
            expect(ours).not.toContain(p.pid);
            expect(p.smPct).toBeGreaterThanOrEqual(min);
          }
          const expected = new Set(
            rows
              .filter((r) => !ours.includes(r.pid) && r.smPct !== null && r.smPct >= min)
              .map((r) => `${r.gpu}:${r.pid}`),
          );
          expect(new Set(found.map((p) => `${p.gpu}:${p.pid}`))).toEqual(expected);
        },
      ),
    );
  });
});
