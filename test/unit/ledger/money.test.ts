import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTokens, parseBaseUnits, parseTokens } from '../../../src/api/money.js';

describe('formatTokens', () => {
  it('shows whole tokens with the fraction trimmed', () => {
    expect(formatTokens('1500000000000000000')).toBe('1.5');
    expect(formatTokens('0')).toBe('0');
    expect(formatTokens('1')).toBe('0.000000000000000001');
    expect(formatTokens('12000000000000000000')).toBe('12');
    expect(formatTokens(123456789n, 6)).toBe('123.456789');
    expect(formatTokens('5', 0)).toBe('5');
  });

  it('cuts the fraction toward zero, never up', () => {
    expect(formatTokens('1999999999999999999', 18, 2)).toBe('1.99');
    expect(formatTokens('-1999999999999999999', 18, 2)).toBe('-1.99');
    expect(formatTokens('1000000000000000', 18, 2)).toBe('0');
    expect(formatTokens('-1000000000000000', 18, 2)).toBe('0');
    expect(formatTokens('1234500000000000000', 18, 0)).toBe('1');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '1.5', '01', '-0', ' 1', '1e18', 'abc']) {
      expect(() => formatTokens(bad)).toThrow(RangeError);
    }
    expect(() => formatTokens('1', -1)).toThrow(RangeError);
    expect(() => formatTokens('1', 18, 1.5)).toThrow(RangeError);
  });

  it('round-trips with parseTokens exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 30 }),
        (v, d) => {
          expect(parseTokens(formatTokens(v, d), d)).toBe(v);
        },
      ),
    );
  });

  it('never shows more than the amount when cut', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (v, f) => {
          const shown = parseTokens(formatTokens(v, 18, f), 18);
          expect(shown <= v).toBe(true);
          expect(v - shown < 10n ** BigInt(18 - f)).toBe(true);
        },
      ),
    );
  });
});

describe('parseTokens', () => {
  it('parses decimals exactly', () => {
    expect(parseTokens('0.05')).toBe(50_000_000_000_000_000n);
    expect(parseTokens('1')).toBe(10n ** 18n);
    expect(parseTokens('0.000000000000000001')).toBe(1n);
  });

  it('refuses malformed input and extra precision instead of rounding', () => {
    for (const bad of ['', '.5', '5.', '-1', '1,5', '0.0000000000000000001', 'NaN', '1e3']) {
      expect(() => parseTokens(bad)).toThrow(RangeError);
    }
    expect(parseBaseUnits('-42')).toBe(-42n);
  });
});
