import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountFor, electricityCost, sumAmounts, toMilli } from '../../../src/ledger/amount.js';

const TOKEN = 10n ** 18n;
const price = fc.bigInt({ min: 0n, max: 1000n * TOKEN });
const millis = fc.integer({ min: 0, max: 10_000_000_000 }); // up to ~115 days of GPU time

describe('amountFor', () => {
  it('prices GPU time pro rata', () => {
    expect(amountFor(TOKEN, 3600)).toBe(TOKEN);
    expect(amountFor(TOKEN, 1800)).toBe(TOKEN / 2n);
    expect(amountFor(3n, 1)).toBe(0n); // 3/3600 of a base unit rounds down to nothing
    expect(amountFor(3600n, 0.5)).toBe(0n);
    expect(amountFor(7200n, 0.5)).toBe(1n);
  });

  it('rounds down, and never by a whole base unit or more', () => {
    fc.assert(
      fc.property(price, millis, (p, ms) => {
        const got = amountFor(p, ms / 1000);
        // exact = p × ms / 3_600_000; got ≤ exact < got + 1
        expect(got * 3_600_000n <= p * BigInt(ms)).toBe(true);
        expect((got + 1n) * 3_600_000n > p * BigInt(ms)).toBe(true);
      }),
    );
  });

  it('splitting a job never earns more than the whole', () => {
    fc.assert(
      fc.property(price, fc.array(millis, { maxLength: 20 }), (p, parts) => {
        const separately = sumAmounts(parts.map((ms) => amountFor(p, ms / 1000)));
        const together = amountFor(p, parts.reduce((a, b) => a + b, 0) / 1000);
        expect(separately <= together).toBe(true);
        expect(together - separately <= BigInt(parts.length)).toBe(true);
      }),
    );
  });

  it('sums are exact where floats drift', () => {
    // 0.1 token per hour for 10 jobs of 3600 s is exactly 1 token, not 0.9999999999999999.
    const amounts = Array.from({ length: 10 }, () => amountFor(TOKEN / 10n, 3600));
    expect(sumAmounts(amounts)).toBe(TOKEN);
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 30n }), { maxLength: 50 }), (xs) => {
        const total = sumAmounts(xs);
        expect(sumAmounts([...xs].reverse())).toBe(total);
        expect(total - sumAmounts(xs.slice(1))).toBe(xs[0] ?? 0n);
      }),
    );
  });

  it('refuses impossible measurements', () => {
    expect(() => amountFor(1n, -1)).toThrow(RangeError);
    expect(() => amountFor(1n, Number.NaN)).toThrow(RangeError);
    expect(() => amountFor(1n, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => amountFor(-1n, 1)).toThrow(RangeError);
  });
});

describe('electricityCost', () => {
  it('charges Wh at a per-kWh tariff, rounding up', () => {
    expect(electricityCost(1000, TOKEN)).toBe(TOKEN);
    expect(electricityCost(250, 4n * TOKEN)).toBe(TOKEN);
    expect(electricityCost(0.001, 1n)).toBe(1n); // a millionth of a base unit still costs one
    expect(electricityCost(0, TOKEN)).toBe(0n);
  });

  it('never undercharges, and overcharges by less than one base unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n * TOKEN }), millis, (tariff, mwh) => {
        const cost = electricityCost(mwh / 1000, tariff);
        expect(cost * 1_000_000n >= tariff * BigInt(mwh)).toBe(true);
        expect((cost - 1n) * 1_000_000n < tariff * BigInt(mwh)).toBe(true);
      }),
    );
  });
});

describe('toMilli', () => {
  it('fixes measurements to thousandths once', () => {
    expect(toMilli(0.1 + 0.2)).toBe(300n);
    expect(toMilli(1.0005)).toBe(1001n);
    expect(toMilli(3600)).toBe(3_600_000n);
  });
});
