import { formatTokens, parseBaseUnits, parseTokens } from '../../src/api/money.js';
import { localeOf } from './format-time.js';
import { localiseDecimal } from './number-format.js';

const SCALE = 10n ** 18n;

/** How many minor digits a currency is written with (IDR 0, USD 2); 2 when unknown. */
export function currencyDigits(code: string): number {
  try {
    const digits = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: code,
    }).resolvedOptions().maximumFractionDigits;
    return digits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Token base units in the owner's currency, exact bigint math rounded half away from zero
 * to the currency's minor unit. `perToken` is the decimal string from the settings.
 * Returns null when the rate cannot be read (the amount is then shown in tokens only).
 */
export function toCurrency(
  baseUnits: string | bigint,
  perToken: string,
  code: string,
  language: string,
): string | null {
  let units: bigint;
  let rate: bigint;
  try {
    units = typeof baseUnits === 'bigint' ? baseUnits : parseBaseUnits(baseUnits);
    rate = parseTokens(perToken);
  } catch {
    return null;
  }
  const digits = currencyDigits(code);
  const minorScale = 10n ** BigInt(digits);
  // value in minor units = units * rate / 1e18 / 1e18 * 10^digits, rounded.
  const numerator = units * rate * minorScale;
  const denominator = SCALE * SCALE;
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const minor = (abs + denominator / 2n) / denominator;
  const whole = minor / minorScale;
  const fraction = minor % minorScale;
  const locale = localeOf(language);
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1.5);
  const separator = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let body = new Intl.NumberFormat(locale).format(whole);
  if (digits > 0) body += separator + fraction.toString().padStart(digits, '0');
  return `${negative && minor !== 0n ? '−' : ''}${code} ${body}`;
}

/**
 * Tokens for display: at most 6 decimals, cut (never rounded up), with the language's
 * separators when one is given (without, a plain "1234.5" for an input to edit).
 */
export function showTokenAmount(
  baseUnits: string | bigint,
  decimals = 18,
  language?: string,
  maxDecimals = 6,
): string {
  try {
    const plain = formatTokens(baseUnits, decimals, maxDecimals);
    return language ? localiseDecimal(plain, language) : plain;
  } catch {
    return '?';
  }
}

/**
 * A number as the owner types it, in their language's habits, as a plain decimal:
 * Indonesian "1.500,5" and English "1,500.5" are both 1500.5. Without thousands
 * grouping either "," or "." is taken as the decimal point ("1,5" = "1.5").
 */
export function normaliseDecimalInput(text: string, language = 'en'): string {
  const t = text.trim().replace(/\s+/g, '');
  const grouped = language.startsWith('id')
    ? /^\d{1,3}(\.\d{3})+(,\d+)?$/
    : /^\d{1,3}(,\d{3})+(\.\d+)?$/;
  if (grouped.test(t)) {
    return language.startsWith('id') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  }
  return (t.match(/[.,]/g) ?? []).length <= 1 ? t.replace(',', '.') : t;
}

/** What the owner typed as exact base units, or null when it is not an amount. */
export function readTokenInput(text: string, decimals = 18, language = 'en'): bigint | null {
  try {
    return parseTokens(normaliseDecimalInput(text, language), decimals);
  } catch {
    return null;
  }
}
