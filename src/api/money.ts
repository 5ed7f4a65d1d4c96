import { z } from 'zod';

/**
 * Money crosses the UI boundary as decimal strings of token base units (18 decimals by
 * default), because JSON numbers lose precision past 2^53 and floats drift. Inside the
 * core every amount is a `bigint`. These helpers are pure and platform-free so the
 * renderer can format what the core sends.
 */

export const TOKEN_DECIMALS = 18;

/** A non-negative amount in base units, e.g. "1500000000000000000" for 1.5 tokens. */
export const BaseUnitsSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/, 'a whole number of base units');

/** A signed amount in base units; net earnings go negative when electricity costs more. */
export const SignedBaseUnitsSchema = z
  .string()
  .regex(/^(0|-?[1-9][0-9]*)$/, 'a whole number of base units');

/** A non-negative decimal amount in whole tokens as a person types it, e.g. "0.05". */
export const TokenDecimalSchema = z.string().regex(/^[0-9]+(\.[0-9]+)?$/, 'a decimal number');

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new RangeError(`decimals must be an integer 0..77, got ${decimals}`);
  }
}

/**
 * Formats base units as whole tokens: `formatTokens("1500000000000000000") === "1.5"`.
 * With `maxFraction` the fraction is cut (rounded toward zero, never up, so a balance is
 * never overstated); trailing zeros are always dropped. Throws on a malformed amount.
 */
export function formatTokens(
  amount: string | bigint,
  decimals: number = TOKEN_DECIMALS,
  maxFraction?: number,
): string {
  checkDecimals(decimals);
  if (maxFraction !== undefined && (!Number.isInteger(maxFraction) || maxFraction < 0)) {
    throw new RangeError(`maxFraction must be a non-negative integer, got ${maxFraction}`);
  }
  const value = typeof amount === 'bigint' ? amount : parseBaseUnits(amount);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  let fraction = decimals === 0 ? '' : (abs % scale).toString().padStart(decimals, '0');
  if (maxFraction !== undefined) fraction = fraction.slice(0, maxFraction);
  fraction = fraction.replace(/0+$/, '');
  const body = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
  // A value cut to zero shows as "0", not "-0".
  return negative && body !== '0' ? `-${body}` : body;
}

/** Parses a signed base-unit string into a bigint; throws on anything else. */
export function parseBaseUnits(amount: string): bigint {
  if (!SignedBaseUnitsSchema.safeParse(amount).success) {
    throw new RangeError(`not an amount in base units: ${JSON.stringify(amount)}`);
  }
  return BigInt(amount);
}

/**
 * Parses whole tokens ("0.05") into base units exactly. More fraction digits than
 * `decimals` is an error rather than a silent rounding. Throws on a malformed input.
 */
export function parseTokens(text: string, decimals: number = TOKEN_DECIMALS): bigint {
  checkDecimals(decimals);
  if (!TokenDecimalSchema.safeParse(text).success) {
    throw new RangeError(`not a decimal token amount: ${JSON.stringify(text)}`);
  }
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > decimals) {
    throw new RangeError(`more than ${decimals} decimal places: ${JSON.stringify(text)}`);
  }
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}
