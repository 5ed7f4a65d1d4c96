import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PolicyInputsSchema,
  type PolicyInputs,
  type PolicySettings,
  type Schedule,
  type ScheduleSpan,
} from '../../../src/api/policy-schemas.js';
import { minutesToClock } from '../../../src/api/zoned-time.js';
import { decide } from '../../../src/policy/decide.js';
import { heatRule } from '../../../src/policy/heat.js';
import { later, signature } from './fixtures.js';

const DAY = 86_400_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Jakarta', 'UTC'];

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof(fc.constant(null), arb);

const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.record({
    preset: fc.constantFrom('overnight', 'eveningsWeekends', 'always', 'whenAway'),
    spans: fc.constant<ScheduleSpan[]>([]),
  }),
  fc.record({
    preset: fc.constant('custom' as const),
    spans: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 6 }),
        start: fc.integer({ min: 0, max: 1439 }).map(minutesToClock),
        end: fc.integer({ min: 0, max: 1439 }).map(minutesToClock),
      }),
      { maxLength: 4 },
    ),
  }),
);

const settingsArb: fc.Arbitrary<PolicySettings> = fc.record({
  schedule: scheduleArb,
  idleMinutes: fc.integer({ min: 0, max: 10 }),
  resumeQuietMinutes: fc.integer({ min: 0, max: 5 }),
  foreignGpuUtilPct: fc.constant(5),
  blockingPrograms: fc.constant(['game.exe']),
  powerCap: fc.oneof(
    fc.record({ mode: fc.constant('off' as const), value: fc.constant(100) }),
    fc.record({ mode: fc.constant('watts' as const), value: fc.integer({ min: 20, max: 500 }) }),
    fc.record({ mode: fc.constant('percent' as const), value: fc.integer({ min: 10, max: 120 }) }),
  ),
  tempCapC: fc.integer({ min: 70, max: 90 }),
  tempResumeDeltaC: fc.integer({ min: 1, max: 10 }),
  allowOnBattery: fc.boolean(),
  preemptGraceS: fc.integer({ min: 0, max: 60 }),
});

const inputsArb: fc.Arbitrary<PolicyInputs> = fc
  .record({
    now: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) }),
    timeZone: fc.constantFrom(...ZONES),
    settings: settingsArb,
    ownerIdleS: nullable(
      fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.double({ min: 0, max: 1200, noNaN: true })),
    ),
    foreignActive: fc.boolean(),
    foreignSinceAgo: nullable(fc.integer({ min: 0, max: 120_000 })),
    foreignSeenAgo: nullable(fc.integer({ min: 0, max: 600_000 })),
    programs: fc.subarray(['game.exe', 'obs']),
    runningBlockers: fc.subarray(['game.exe']),
    onBattery: nullable(fc.boolean()),
    gpu: nullable(
      fc.record({
        temperatureC: nullable(fc.integer({ min: 40, max: 100 })),
        powerDrawW: nullable(fc.integer({ min: 0, max: 450 })),
        defaultLimitW: nullable(fc.integer({ min: 100, max: 450 })),
        minLimitW: nullable(fc.integer({ min: 50, max: 100 })),
        maxLimitW: nullable(fc.integer({ min: 300, max: 600 })),
      }),
    ),
    activityAgo: nullable(fc.integer({ min: -60_000, max: 600_000 })),
    wasPausedForHeat: fc.boolean(),
    energyBudgetW: nullable(fc.integer({ min: 0, max: 500 })),
  })
  .map((r) => ({
    now: r.now,
    timeZone: r.timeZone,
    settings: r.settings,
    ownerIdleS: r.ownerIdleS,
    foreignGpu: {
      active: r.foreignActive,
      since: r.foreignActive && r.foreignSinceAgo !== null ? r.now - r.foreignSinceAgo : null,
      lastSeenAt: r.foreignActive
        ? r.now
        : r.foreignSeenAgo === null
          ? null
          : r.now - r.foreignSeenAgo,
      programs: r.foreignActive ? r.programs : [],
    },
    runningBlockers: r.runningBlockers,
    onBattery: r.onBattery,
    gpu: r.gpu,
    lastActivityAt: r.activityAgo === null ? null : Math.max(0, r.now - r.activityAgo),
    wasPausedForHeat: r.wasPausedForHeat,
    energyBudgetW: r.energyBudgetW,
  }));

describe('decide properties', () => {
  it('generated inputs are valid inputs', () => {
    fc.assert(
      fc.property(inputsArb, (i) => void PolicyInputsSchema.parse(i)),
      { numRuns: 50 },
    );
  });

  it('never runs on battery unless allowed', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const d = decide(i);
        if (i.onBattery === true && !i.settings.allowOnBattery) expect(d.run).toBe(false);
        if (d.run) expect(d.reasons[0]!.key).toMatch(/^policy:reason\.sharing/);
        else expect(d.powerBudgetW).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('nextChangeAt is after now, nothing changes before it, and something changes just after', () => {
    fc.assert(
      fc.property(inputsArb, fc.double({ min: 0, max: 1, noNaN: true }), (i, where) => {
        const d = decide(i);
        const now = signature(d);
        if (d.nextChangeAt === null) {
          const t = i.now + 1 + Math.floor(where * 10 * DAY);
          expect(signature(decide(later(i, t)))).toBe(now);
          return;
        }
        expect(d.nextChangeAt).toBeGreaterThan(i.now);
        const between = i.now + Math.floor(where * (d.nextChangeAt - i.now));
        if (between < d.nextChangeAt) expect(signature(decide(later(i, between)))).toBe(now);
        expect(signature(decide(later(i, d.nextChangeAt + 1)))).not.toBe(now);
      }),
      { numRuns: 300 },
    );
  });

  it('heat hysteresis never flaps: state changes only past the thresholds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 95 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        fc.array(nullable(fc.double({ min: 40, max: 100, noNaN: true })), { maxLength: 200 }),
        (tempCapC, tempResumeDeltaC, startPaused, temps) => {
          const settings = { tempCapC, tempResumeDeltaC };
          let paused = startPaused;
          let transitions = 0;
          let crossings = 0;
          let lastSide: 'hot' | 'cool' | null = null;
          for (const t of temps) {
            const next = heatRule(settings, t, paused).paused;
            if (next !== paused) {
              transitions++;
              if (next) expect(t).not.toBeNull();
              if (next) expect(t!).toBeGreaterThanOrEqual(tempCapC);
              else expect(t!).toBeLessThan(tempCapC - tempResumeDeltaC);
            }
            if (t !== null && t >= tempCapC && lastSide !== 'hot') {
              crossings++;
              lastSide = 'hot';
            } else if (t !== null && t < tempCapC - tempResumeDeltaC && lastSide !== 'cool') {
              crossings++;
              lastSide = 'cool';
            }
            paused = next;
          }
          // Each change needs a full swing across the band.
          expect(transitions).toBeLessThanOrEqual(crossings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a temperature inside the band never changes the heat state', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 95 }),
        fc.integer({ min: 2, max: 10 }),
        fc.boolean(),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (cap, delta, paused, f) => {
          const t = cap - delta + f * delta;
          expect(heatRule({ tempCapC: cap, tempResumeDeltaC: delta }, t, paused).paused).toBe(
            paused,
          );
        },
      ),
    );
  });

  it('stopJob only for foreign GPU use past the grace', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const d = decide(i);
        if (d.stopJob) {
          expect(i.foreignGpu.active).toBe(true);
          expect(i.now - i.foreignGpu.since!).toBeGreaterThanOrEqual(
            i.settings.preemptGraceS * 1000,
          );
          expect(d.run).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
