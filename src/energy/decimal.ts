/**
 * Prices per kWh are decimal strings ("0.153", "-0.02"): compared exactly, never as floats,
 * so "0.1" vs "0.10000000000000001" cannot flip a decision.
 */
const SCALE_DIGITS = 12;

function scaled(decimal: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return null;
  const fraction = (match[3] ?? '').slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  const magnitude = BigInt((match[2] ?? '0') + fraction);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** -1, 0 or 1 like a comparator; null when either side is not a decimal string. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 | null {
  const x = scaled(a);
  const y = scaled(b);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A finite number as a plain decimal string (no exponent), at most 6 decimals. */
export function numberToDecimal(value: number): string {
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}
