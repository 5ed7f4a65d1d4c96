import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDecimalInput, readTokenInput } from '../../../renderer/lib/money-view.js';

describe('amounts as owners type them', () => {
  it.each([
    ['1.500,5', 'id', '1500.5'],
    ['1.500', 'id', '1500'],
    ['12.345.678,25', 'id', '12345678.25'],
    ['1,5', 'id', '1.5'],
    ['1,500.5', 'en', '1500.5'],
    ['1.500', 'en', '1.500'],
    ['1,5', 'en', '1.5'],
    [' 10 ', 'en', '10'],
  ])('%s in %s reads as %s', (text, language, plain) => {
    expect(normaliseDecimalInput(text, language)).toBe(plain);
  });

  it('refuses what is not an amount', () => {
    expect(readTokenInput('1.2.3', 18, 'en')).toBeNull();
    expect(readTokenInput('abc', 18, 'id')).toBeNull();
    expect(readTokenInput('1,2,3', 18, 'id')).toBeNull();
  });

  it('reads an Indonesian-formatted amount exactly, to the base unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (units) => {
        const whole = units / 10n ** 18n;
        const fraction = (units % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
        const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const text = fraction === '' ? grouped : `${grouped},${fraction}`;
        expect(readTokenInput(text, 18, 'id')).toBe(units);
      }),
    );
  });
});
