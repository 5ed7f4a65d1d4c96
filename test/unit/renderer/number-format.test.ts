import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTokens } from '../../../src/api/money.js';
import { showTokenAmount } from '../../../renderer/lib/money-view.js';
import {
  durationWords,
  formatHours,
  localiseDecimal,
} from '../../../renderer/lib/number-format.js';

describe('localiseDecimal', () => {
  it('writes token amounts with each language’s separators', () => {
    expect(localiseDecimal('100.016944', 'id')).toBe('100,016944');
    expect(localiseDecimal('1500254', 'id')).toBe('1.500.254');
    expect(localiseDecimal('1500254.5', 'en')).toBe('1,500,254.5');
    expect(localiseDecimal('-1234.05', 'id')).toBe('-1.234,05');
    expect(localiseDecimal('0', 'id')).toBe('0');
  });

  it('leaves anything that is not a plain decimal alone', () => {
    expect(localiseDecimal('?', 'id')).toBe('?');
    expect(localiseDecimal('1e5', 'en')).toBe('1e5');
  });

  it('keeps every digit: removing the separators gives the exact amount back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (units) => {
        const plain = formatTokens(units);
        const id = showTokenAmount(units, 18, 'id', 18);
        expect(id.replaceAll('.', '').replace(',', '.')).toBe(plain);
        const en = showTokenAmount(units, 18, 'en', 18);
        expect(en.replaceAll(',', '')).toBe(plain);
      }),
    );
  });
});

describe('formatHours', () => {
  it('rounds to what a person reads', () => {
    expect(formatHours(0.027, 'en')).toBe('0.03');
    expect(formatHours(0.049, 'id')).toBe('0,05');
    expect(formatHours(3.25, 'en')).toBe('3.3');
    expect(formatHours(1500, 'id')).toBe('1.500');
  });
});

describe('durationWords', () => {
  it('drops empty leading units', () => {
    expect(durationWords(11, true)).toEqual({ kind: 'seconds', s: 11 });
    expect(durationWords(11, false)).toEqual({ kind: 'underMinute' });
    expect(durationWords(125, true)).toEqual({ kind: 'minutes', m: 2 });
    expect(durationWords(3 * 3600 + 5 * 60, false)).toEqual({ kind: 'hours', h: 3, m: 5 });
    expect(durationWords(-4, true)).toEqual({ kind: 'seconds', s: 0 });
  });
});
