import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyPowerLimit,
  PowerLimitStateSchema,
  restorePowerLimits,
} from '../../../src/gpu/power-limit.js';
import { failingNvidiaSmi, makeFakeNvidiaSmi } from '../../helpers/fake-tools/index.js';

// `-i 0 --query-gpu=uuid,power.limit,power.min_limit,power.max_limit`: the 2080 SUPER capture's values.
const LIMITS = 'GPU-00000000-0000-0000-0000-000000000000, 250.00, 105.00, 350.00\n';

async function stateDir(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-pl-'));
  return { dir, file: join(dir, 'state', 'power-limits.json') };
}
const readState = async (file: string) =>
  PowerLimitStateSchema.parse(JSON.parse(await readFile(file, 'utf8')));

describe('applyPowerLimit / restorePowerLimits', () => {
  it('records the original limit, applies the new one, and restores it', async () => {
    const tool = await makeFakeNvidiaSmi({ limits: LIMITS });
    const { dir, file } = await stateDir();
    expect(
      await applyPowerLimit({ nvidiaSmi: tool.path, index: 0, watts: 180, stateFile: file }),
    ).toEqual({
      applied: true,
      index: 0,
      watts: 180,
      originalW: 250,
    });
    expect(await readState(file)).toEqual({
      version: 1,
      gpus: { '0': { uuid: 'GPU-00000000-0000-0000-0000-000000000000', originalW: 250 } },
    });
    // A second change keeps the card's own limit, not our 180 W.
    await writeFile(join(tool.dir, 'limits.csv'), LIMITS.replace('250.00', '180.00'));
    expect(
      await applyPowerLimit({ nvidiaSmi: tool.path, index: 0, watts: 150, stateFile: file }),
    ).toMatchObject({ applied: true, originalW: 250 });
    expect((await readState(file)).gpus['0']?.originalW).toBe(250);
    expect(await readdir(join(dir, 'state'))).toEqual(['power-limits.json']);

    expect(await restorePowerLimits(file, { nvidiaSmi: tool.path })).toEqual([
      { index: 0, originalW: 250, restored: true, reason: null },
    ]);
    expect(await tool.log('pl.log')).toEqual([
      '-i 0 -pl 180',
      '-i 0 -pl 150',
      '-i GPU-00000000-0000-0000-0000-000000000000 -pl 250',
    ]);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('returns "not allowed" instead of throwing on Insufficient Permissions, and records nothing', async () => {
    const tool = await makeFakeNvidiaSmi({ limits: LIMITS, plDenied: true });
    const { file } = await stateDir();
    expect(
      await applyPowerLimit({ nvidiaSmi: tool.path, index: 0, watts: 200, stateFile: file }),
    ).toEqual({
      applied: false,
      reason: { key: 'gpu:powerLimit.permission' },
    });
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it("refuses a limit outside the card's range without calling -pl", async () => {
    const tool = await makeFakeNvidiaSmi({ limits: LIMITS });
    const { file } = await stateDir();
    expect(
      await applyPowerLimit({ nvidiaSmi: tool.path, index: 0, watts: 50, stateFile: file }),
    ).toEqual({
      applied: false,
      reason: { key: 'gpu:powerLimit.outOfRange', values: { watts: 50, minW: 105, maxW: 350 } },
    });
    expect(await tool.log('pl.log')).toEqual([]);
  });

  it('says a laptop card with [N/A] limits cannot be limited', async () => {
    const tool = await makeFakeNvidiaSmi({ limits: 'GPU-1, [N/A], [N/A], [N/A]\n' });
    const { file } = await stateDir();
    expect(
      await applyPowerLimit({ nvidiaSmi: tool.path, index: 0, watts: 50, stateFile: file }),
    ).toEqual({
      applied: false,
      reason: { key: 'gpu:powerLimit.notSupported' },
    });
  });

  it('reports a broken driver as the reason', async () => {
    const { file } = await stateDir();
    expect(
      await applyPowerLimit({
        nvidiaSmi: failingNvidiaSmi('no-driver'),
        index: 0,
        watts: 150,
        stateFile: file,
      }),
    ).toEqual({
      applied: false,
      reason: { key: 'gpu:problem.nvidia.noDriver' },
    });
  });

  it('restores after a crash from the state file alone, keeping entries it could not restore', async () => {
    const { dir, file } = await stateDir();
    const state = {
      version: 1,
      gpus: { '0': { uuid: null, originalW: 250 }, '1': { uuid: 'GPU-1', originalW: 300 } },
    };
    await mkdir(join(dir, 'state'), { recursive: true });
    await writeFile(file, JSON.stringify(state));
    const denied = await makeFakeNvidiaSmi({ plDenied: true });
    const results = await restorePowerLimits(file, { nvidiaSmi: denied.path });
    expect(results.map((r) => [r.index, r.restored, r.reason?.key])).toEqual([
      [0, false, 'gpu:powerLimit.permission'],
      [1, false, 'gpu:powerLimit.permission'],
    ]);
    expect(await readState(file)).toEqual(state);
    const tool = await makeFakeNvidiaSmi({});
    expect(
      (await restorePowerLimits(file, { nvidiaSmi: tool.path })).every((r) => r.restored),
    ).toBe(true);
    expect(await tool.log('pl.log')).toEqual(['-i 0 -pl 250', '-i GPU-1 -pl 300']);
  });

  it('leaves a corrupt state file alone and says why', async () => {
    const { dir, file } = await stateDir();
    await mkdir(join(dir, 'state'), { recursive: true });
    await writeFile(file, '{"version": 2}');
    await expect(restorePowerLimits(file)).rejects.toThrow(/unexpected shape; left unchanged/);
    expect(await readFile(file, 'utf8')).toBe('{"version": 2}');
  });

  it('validates its arguments', async () => {
    await expect(applyPowerLimit({ index: -1, watts: 100, stateFile: '/tmp/x' })).rejects.toThrow();
    await expect(
      applyPowerLimit({ index: 0, watts: Number.NaN, stateFile: '/tmp/x' }),
    ).rejects.toThrow();
  });
});
