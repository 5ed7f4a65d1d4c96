import { describe, expect, it } from 'vitest';
import { compareDecimal, numberToDecimal } from '../../../src/energy/decimal.js';
import { priceFromValue, surplusFromValue } from '../../../src/energy/reading.js';
import { appendHistory } from '../../../src/energy/history.js';
import { updateEma } from '../../../src/energy/smoothing.js';

describe('surplus values', () => {
  it('applies the sign convention', () => {
    expect(surplusFromValue(-800, 'exportNegative')).toEqual({ ok: true, value: 800 });
    expect(surplusFromValue(300, 'exportNegative')).toEqual({ ok: true, value: -300 });
    expect(surplusFromValue(800, 'surplusPositive')).toEqual({ ok: true, value: 800 });
    expect(surplusFromValue('-12.5', 'exportNegative')).toEqual({ ok: true, value: 12.5 });
    expect(surplusFromValue(0, 'exportNegative')).toEqual({ ok: true, value: 0 });
  });

  it('refuses non-numbers and impossible values with a reason', () => {
    for (const bad of ['unavailable', '', null, true, {}, [1], '12W']) {
      const r = surplusFromValue(bad, 'surplusPositive');
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.problem.key).toBe('energy:problem.notANumber');
    }
    for (const absurd of [NaN, Infinity, -Infinity, 1e7 + 1, -2e8, '1e9']) {
      const r = surplusFromValue(absurd, 'surplusPositive');
      expect(r.ok, String(absurd)).toBe(false);
      if (!r.ok) expect(r.problem.key).toBe('energy:problem.absurd');
    }
  });

  it('reads prices as exact decimal strings', () => {
    expect(priceFromValue(0.153)).toBe('0.153');
    expect(priceFromValue('-0.02')).toBe('-0.02');
    expect(priceFromValue(25)).toBe('25');
    expect(priceFromValue('cheap')).toBeNull();
    expect(priceFromValue(1e12)).toBeNull();
  });
});

describe('decimal prices', () => {
  it('compares exactly, including negatives', () => {
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('0.1', '0.15')).toBe(-1);
    expect(compareDecimal('-0.02', '0')).toBe(-1);
    expect(compareDecimal('1.5', '1.49999')).toBe(1);
    expect(compareDecimal('abc', '1')).toBeNull();
    expect(numberToDecimal(-0)).toBe('0');
    expect(numberToDecimal(100)).toBe('100');
  });
});

describe('smoothing and history', () => {
  it('moves the average part of the way, by elapsed time', () => {
    const a = updateEma(null, 100, 0, 30_000);
    expect(a).toEqual({ value: 100, at: 0 });
    const b = updateEma(a, 400, 30_000, 30_000);
    expect(b.value).toBeGreaterThan(100);
    expect(b.value).toBeLessThan(400);
    expect(updateEma(b, 0, 10_000, 30_000)).toBe(b);
    expect(updateEma(a, 400, 1000, 0)).toEqual({ value: 400, at: 1000 });
  });

  it('keeps the last hour at a steady spacing, with a live newest point', () => {
    let h = appendHistory([], { at: 0, surplusW: 1, budgetW: 0, drawW: null });
    for (let t = 1000; t <= 60_000; t += 1000) {
      h = appendHistory(h, { at: t, surplusW: t, budgetW: 0, drawW: 90 });
    }
    // One-second ticks for a minute: the chart has real points, and the last is "now".
    expect(h.length).toBeGreaterThan(5);
    expect(h.length).toBeLessThan(12);
    expect(h.at(-1)!.at).toBe(60_000);
    for (let i = 2; i < h.length; i += 1)
      expect(h[i]!.at - h[i - 2]!.at).toBeGreaterThanOrEqual(8000);
    for (let t = 61_000; t <= 80 * 60_000; t += 1000) {
      h = appendHistory(h, { at: t, surplusW: t, budgetW: null, drawW: null });
    }
    expect(h[0]!.at).toBeGreaterThanOrEqual(80 * 60_000 - 60 * 60_000);
    expect(h[0]!.at).toBeLessThan(80 * 60_000 - 59 * 60_000);
    expect(h.at(-1)!.at).toBe(80 * 60_000);
  });
});
