import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUTY_CYCLE_CONFIG,
  initialDutyCycleState,
  simulateDutyCycle,
  stepDutyCycle,
} from '../../../src/policy/duty-cycle.js';

/** Average draw of a period that ran for `share` of the time. */
const card =
  (runningW: number, idleW: number, noise: readonly number[] = []) =>
  (share: number, step: number): number =>
    (idleW + share * (runningW - idleW)) * (1 + (noise[step % Math.max(1, noise.length)] ?? 0));

const loadArb = fc
  .record({
    runningW: fc.integer({ min: 30, max: 450 }),
    idleFrac: fc.double({ min: 0, max: 0.5, noNaN: true }),
    capFrac: fc.double({ min: 0.25, max: 0.95, noNaN: true }),
  })
  .map(({ runningW, idleFrac, capFrac }) => {
    const idleW = Math.min(60, runningW * idleFrac);
    // A cap the duty cycle can reach: above idle, below full draw.
    return { runningW, idleW, capW: idleW + capFrac * (runningW - idleW) };
  });

const SETTLE = 80;
const WATCH = 60;

describe('duty-cycle controller', () => {
  it('converges under the cap for plausible loads and then holds still', () => {
    fc.assert(
      fc.property(loadArb, ({ runningW, idleW, capW }) => {
        const trace = simulateDutyCycle(card(runningW, idleW), capW, SETTLE + WATCH);
        const settled = trace.slice(SETTLE);
        for (const p of settled) expect(p.measuredAvgW).toBeLessThanOrEqual(capW);
        const shares = settled.map((p) => p.share);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThan(1e-9);
        // Not needlessly far below the cap either.
        expect(settled.at(-1)!.measuredAvgW).toBeGreaterThan(capW * 0.85);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a bounded swing with ±1 % measurement noise', () => {
    fc.assert(
      fc.property(
        loadArb,
        fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), {
          minLength: 1,
          maxLength: 50,
        }),
        ({ runningW, idleW, capW }, noise) => {
          const trace = simulateDutyCycle(card(runningW, idleW, noise), capW, SETTLE + WATCH);
          const settled = trace.slice(SETTLE);
          const trueAvg = (share: number): number => idleW + share * (runningW - idleW);
          for (const p of settled) expect(trueAvg(p.share)).toBeLessThanOrEqual(capW);
          const shares = settled.map((p) => p.share);
          const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(0.1 * mean);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('runs all the time when the card stays under the cap anyway', () => {
    const out = stepDutyCycle(initialDutyCycleState(), { measuredAvgW: 150, capW: 300 });
    expect(out).toMatchObject({ share: 1, saturated: 'high' });
    expect(out.periodMs).toBe(DEFAULT_DUTY_CYCLE_CONFIG.periodMs);
  });

  it('says so when even pausing almost all the time cannot meet the cap', () => {
    const trace = simulateDutyCycle(card(300, 80), 50, 40);
    const last = trace.at(-1)!;
    expect(last.share).toBeCloseTo(DEFAULT_DUTY_CYCLE_CONFIG.minShare);
    const out = stepDutyCycle(
      { share: last.share, prevError: 0 },
      { measuredAvgW: last.measuredAvgW, capW: 50 },
    );
    expect(out.saturated).toBe('low');
    // Short running slices are stretched so each pause/unpause is worth it.
    expect(out.share * out.periodMs).toBeGreaterThanOrEqual(DEFAULT_DUTY_CYCLE_CONFIG.minRunMs - 1);
  });

  it('does not wind up: after a long light load it reacts at once to a heavy one', () => {
    let state = initialDutyCycleState();
    for (let i = 0; i < 100; i++) {
      state = stepDutyCycle(state, { measuredAvgW: 100, capW: 200 }).state;
    }
    expect(state.share).toBe(1);
    // The job gets heavier: 400 W running, 20 W idle.
    const heavy = card(400, 20);
    for (let i = 0; i < 12; i++) {
      state = stepDutyCycle(state, { measuredAvgW: heavy(state.share, i), capW: 200 }).state;
    }
    expect(heavy(state.share, 0)).toBeLessThanOrEqual(200);
  });

  it('treats nonsense readings without jumping more than the step limit', () => {
    const s = initialDutyCycleState(0.5);
    const zero = stepDutyCycle(s, { measuredAvgW: 0, capW: 200 });
    expect(zero.share).toBeCloseTo(1);
    const huge = stepDutyCycle(s, { measuredAvgW: 1e9, capW: 200 });
    expect(huge.share).toBeGreaterThanOrEqual(0.5 / 4);
    expect(huge.share).toBeLessThan(0.5);
    const noCap = stepDutyCycle(s, { measuredAvgW: 100, capW: 0 });
    expect(noCap.share).toBeLessThan(0.5);
  });
});
