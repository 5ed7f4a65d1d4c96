import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTokenInput, showTokenAmount, toCurrency } from '../../../renderer/lib/money-view.js';

const TOKEN = 10n ** 18n;

describe('toCurrency', () => {
  it('converts exactly with bigint math, in the currency’s minor units', () => {
    expect(toCurrency(TOKEN, '15000', 'IDR', 'en')).toBe('IDR 15,000');
    expect(toCurrency(TOKEN / 2n, '0.25', 'USD', 'en')).toBe('USD 0.13');
    expect(toCurrency(1n, '15000', 'IDR', 'en')).toBe('IDR 0');
    expect(toCurrency('-2500000000000000000', '2', 'USD', 'en')).toBe('−USD 5.00');
  });

  it('writes Indonesian numbers the Indonesian way', () => {
    expect(toCurrency(3n * TOKEN, '15000.5', 'IDR', 'id')).toBe('IDR 45.002');
    expect(toCurrency(TOKEN, '1.5', 'USD', 'id')).toBe('USD 1,50');
  });

  it('gives up (null) rather than guessing on a bad rate or amount', () => {
    expect(toCurrency(TOKEN, 'abc', 'IDR', 'en')).toBeNull();
    expect(toCurrency('1.5', '1', 'IDR', 'en')).toBeNull();
  });

  it('never drifts: whole tokens at a whole rate are exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 100000 }),
        (n, rate) => {
          const shown = toCurrency(n * TOKEN, String(rate), 'IDR', 'en');
          expect(shown).toBe(`IDR ${new Intl.NumberFormat('en-GB').format(n * BigInt(rate))}`);
        },
      ),
    );
  });
});

describe('token input and display', () => {
  it('reads what an owner types, decimal comma included, exactly', () => {
    expect(readTokenInput('1,5')).toBe(15n * 10n ** 17n);
    expect(readTokenInput(' 10 ')).toBe(10n * TOKEN);
    expect(readTokenInput('1.2.3')).toBeNull();
    expect(readTokenInput('-1')).toBeNull();
  });

  it('shows at most 6 decimals and never rounds up', () => {
    expect(showTokenAmount('1999999999999999999')).toBe('1.999999');
    expect(showTokenAmount('not a number')).toBe('?');
  });

  it('round-trips what it shows when there are 6 decimals or fewer', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (micro) => {
        const units = micro * 10n ** 12n;
        expect(readTokenInput(showTokenAmount(units))).toBe(units);
      }),
    );
  });
});
