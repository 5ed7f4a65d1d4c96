import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../../../src/api/policy-schemas.js';
import { decide, FALLBACK_MIN_USEFUL_W } from '../../../src/policy/decide.js';
import { inputs, NOON } from './fixtures.js';

const MIN = 60_000;
const keys = (i: Parameters<typeof decide>[0]): string[] => decide(i).reasons.map((r) => r.key);

describe('decide: the happy path', () => {
  it('runs with no limit and a valid decision', () => {
    const d = decide(inputs());
    expect(DecisionSchema.parse(d)).toEqual(d);
    expect(d).toMatchObject({
      run: true,
      pauseNow: false,
      stopJob: false,
      powerBudgetW: null,
      capMethodHint: 'none',
      nextChangeAt: null,
    });
    expect(d.reasons[0]).toEqual({ key: 'policy:reason.sharing' });
  });
});

describe('decide: battery', () => {
  it('never runs on battery unless allowed, and freezes at once', () => {
    const d = decide(inputs({ onBattery: true }));
    expect(d).toMatchObject({ run: false, pauseNow: true });
    expect(d.reasons[0]!.key).toBe('policy:reason.onBattery');
    expect(decide(inputs({ onBattery: true, settings: { allowOnBattery: true } })).run).toBe(true);
    expect(decide(inputs({ onBattery: null })).run).toBe(true);
  });

  it('puts battery first when several rules object', () => {
    const k = keys(
      inputs({
        onBattery: true,
        gpu: { ...inputs().gpu!, temperatureC: 90 },
        ownerIdleS: 5,
        settings: { schedule: { preset: 'overnight', spans: [] } },
      }),
    );
    expect(k).toEqual([
      'policy:reason.onBattery',
      'policy:reason.hot',
      'policy:reason.ownerActive',
      'policy:reason.outsideHours',
    ]);
  });
});

describe('decide: heat', () => {
  const at = (temperatureC: number | null, wasPausedForHeat: boolean) =>
    decide(inputs({ gpu: { ...inputs().gpu!, temperatureC }, wasPausedForHeat }));

  it('pauses at the cap and says when it resumes', () => {
    const d = at(83, false);
    expect(d).toMatchObject({ run: false, pauseNow: true, pausedForHeat: true });
    expect(d.reasons[0]).toEqual({ key: 'policy:reason.hot', values: { temp: 83, resume: 78 } });
    expect(at(82.9, false).run).toBe(true);
  });

  it('stays paused until below cap − delta (hysteresis)', () => {
    expect(at(80, true).pausedForHeat).toBe(true);
    expect(at(78, true).pausedForHeat).toBe(true);
    expect(at(77.9, true)).toMatchObject({ pausedForHeat: false, run: true });
  });

  it('keeps the last heat decision while the temperature cannot be read', () => {
    expect(at(null, true)).toMatchObject({ run: false, pausedForHeat: true });
    expect(at(null, true).reasons[0]!.key).toBe('policy:reason.hotNoReading');
    expect(at(null, false).run).toBe(true);
    expect(decide(inputs({ gpu: null, wasPausedForHeat: false })).run).toBe(true);
  });
});

describe('decide: getting out of the way', () => {
  it('pauses at once on owner input and resumes after the idle window', () => {
    const d = decide(inputs({ ownerIdleS: 30 }));
    expect(d).toMatchObject({ run: false, pauseNow: true, stopJob: false });
    const resumeAt = NOON - 30_000 + 5 * MIN;
    expect(d.reasons[0]).toEqual({
      key: 'policy:reason.ownerActive',
      values: { minutes: 5, resumeAt },
    });
    expect(d.nextChangeAt).toBe(resumeAt);
    expect(decide(inputs({ ownerIdleS: 300 })).run).toBe(true);
  });

  it('waits a quiet period after foreign GPU use stops', () => {
    const lastSeenAt = NOON - 30_000;
    const d = decide(
      inputs({ foreignGpu: { active: false, since: null, lastSeenAt, programs: [] } }),
    );
    expect(d).toMatchObject({ run: false, pauseNow: true, nextChangeAt: lastSeenAt + 2 * MIN });
    expect(d.reasons[0]).toEqual({
      key: 'policy:reason.quietPeriod',
      values: { time: lastSeenAt + 2 * MIN },
    });
    expect(decide(inputs({ lastActivityAt: NOON - 2 * MIN })).run).toBe(true);
  });

  it('names the program using the GPU and stops the job after the grace', () => {
    const foreign = (since: number) =>
      inputs({ foreignGpu: { active: true, since, lastSeenAt: NOON, programs: ['game.exe'] } });
    const early = decide(foreign(NOON - 10_000));
    expect(early).toMatchObject({ run: false, pauseNow: true, stopJob: false });
    expect(early.reasons[0]).toEqual({
      key: 'policy:reason.foreignGpu',
      values: { programs: 'game.exe', minutes: 2 },
    });
    expect(early.nextChangeAt).toBe(NOON + 10_000);
    const late = decide(foreign(NOON - 21_000));
    expect(late).toMatchObject({ stopJob: true, nextChangeAt: null });
    expect(late.reasons.map((r) => r.key)).toEqual([
      'policy:reason.foreignGpu',
      'policy:info.stoppingForYou',
    ]);
  });

  it('pauses while a blocking program runs', () => {
    const d = decide(inputs({ runningBlockers: ['Blender', 'Blender'] }));
    expect(d).toMatchObject({ run: false, pauseNow: true, stopJob: false });
    expect(d.reasons[0]).toEqual({
      key: 'policy:reason.blockingProgram',
      values: { program: 'Blender', minutes: 2 },
    });
  });

  it('treats unknown idle time as away, except for "When I\'m away"', () => {
    expect(decide(inputs({ ownerIdleS: null })).run).toBe(true);
    const away = decide(
      inputs({ ownerIdleS: null, settings: { schedule: { preset: 'whenAway', spans: [] } } }),
    );
    expect(away.run).toBe(false);
    expect(away.reasons[0]!.key).toBe('policy:reason.awayUnknown');
    const known = { settings: { schedule: { preset: 'whenAway' as const, spans: [] } } };
    expect(decide(inputs({ ...known, ownerIdleS: 600 })).run).toBe(true);
    expect(decide(inputs({ ...known, ownerIdleS: 10 })).run).toBe(false);
  });
});

describe('decide: schedule', () => {
  it('waits outside the hours and says when they start', () => {
    const d = decide(inputs({ settings: { schedule: { preset: 'overnight', spans: [] } } }));
    const start = Date.UTC(2024, 5, 12, 23, 0);
    expect(d).toMatchObject({ run: false, pauseNow: false, nextChangeAt: start });
    expect(d.reasons[0]).toEqual({ key: 'policy:reason.outsideHours', values: { time: start } });
  });

  it('runs inside the hours and says until when', () => {
    const night = Date.UTC(2024, 5, 12, 23, 30);
    const d = decide(
      inputs({ now: night, settings: { schedule: { preset: 'overnight', spans: [] } } }),
    );
    const end = Date.UTC(2024, 5, 13, 7, 0);
    expect(d).toMatchObject({ run: true, nextChangeAt: end });
    expect(d.reasons[0]).toEqual({ key: 'policy:reason.sharingUntil', values: { time: end } });
  });

  it('says when no hours are set', () => {
    const d = decide(inputs({ settings: { schedule: { preset: 'custom', spans: [] } } }));
    expect(d).toMatchObject({ run: false, nextChangeAt: null });
    expect(d.reasons[0]!.key).toBe('policy:reason.noHours');
  });

  it('uses the zone it is given (travelling laptop)', () => {
    const now = Date.UTC(2024, 5, 15, 21, 30);
    const overnight = { schedule: { preset: 'overnight' as const, spans: [] } };
    expect(decide(inputs({ now, timeZone: 'Europe/Berlin', settings: overnight })).run).toBe(true);
    expect(decide(inputs({ now, timeZone: 'America/New_York', settings: overnight })).run).toBe(
      false,
    );
  });
});

describe('decide: power and energy', () => {
  it('sets the budget from the cap and hints at nvidia-smi -pl', () => {
    const d = decide(inputs({ settings: { powerCap: { mode: 'percent', value: 50 } } }));
    expect(d).toMatchObject({ run: true, powerBudgetW: 160, capMethodHint: 'powerLimit' });
    expect(d.reasons[1]).toEqual({ key: 'policy:info.powerCap', values: { watts: 160 } });
  });

  it('duty-cycles a cap below the card minimum', () => {
    const d = decide(inputs({ settings: { powerCap: { mode: 'watts', value: 60 } } }));
    expect(d).toMatchObject({ run: true, powerBudgetW: 60, capMethodHint: 'dutyCycle' });
    expect(d.reasons.map((r) => r.key)).toContain('policy:info.capBelowCardMinimum');
  });

  it('takes the smaller of cap and energy budget', () => {
    const cap = { powerCap: { mode: 'watts' as const, value: 250 } };
    expect(decide(inputs({ settings: cap, energyBudgetW: 180 })).powerBudgetW).toBe(180);
    expect(decide(inputs({ settings: cap, energyBudgetW: 400 })).powerBudgetW).toBe(250);
    expect(decide(inputs({ energyBudgetW: 400 })).powerBudgetW).toBe(400);
  });

  it('does not run on an energy budget below the card minimum', () => {
    const d = decide(inputs({ energyBudgetW: 90 }));
    expect(d).toMatchObject({ run: false, pauseNow: false, powerBudgetW: null });
    expect(d.reasons[0]).toEqual({
      key: 'policy:reason.noSurplus',
      values: { available: 90, needed: 100 },
    });
    const unknownCard = inputs({ gpu: null, energyBudgetW: FALLBACK_MIN_USEFUL_W - 1 });
    expect(decide(unknownCard).run).toBe(false);
  });

  it('reports a percent cap it cannot resolve and runs uncapped', () => {
    const d = decide(
      inputs({
        gpu: { ...inputs().gpu!, defaultLimitW: null },
        settings: { powerCap: { mode: 'percent', value: 50 } },
      }),
    );
    expect(d).toMatchObject({ run: true, powerBudgetW: null });
    expect(d.reasons.map((r) => r.key)).toContain('policy:info.capUnresolved');
  });
});
