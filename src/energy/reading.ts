import type { SignConvention } from '../api/energy-schemas.js';
import type { EnergyReading, EnergyReadingSource } from '../api/energy-schemas.js';
import { msg, type Message } from '../api/message.js';
import { numberToDecimal } from './decimal.js';

/** No home or village connection moves 10 MW: anything larger is a broken sensor or unit. */
export const MAX_ABS_WATTS = 1e7;
const MAX_ABS_PRICE = 1e6;

export type ValueCheck = { ok: true; value: number } | { ok: false; problem: Message };

/** A JSON number or a numeric string ("-1234.5"), as sensors and templates send both. */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return null;
}

/** Raw watts from a source → spare watts, refusing what cannot be a real power reading. */
export function surplusFromValue(value: unknown, sign: SignConvention): ValueCheck {
  const watts = numericValue(value);
  if (watts === null) return { ok: false, problem: msg('energy:problem.notANumber') };
  if (!Number.isFinite(watts) || Math.abs(watts) > MAX_ABS_WATTS) {
    return {
      ok: false,
      problem: msg('energy:problem.absurd', { value: Number.isFinite(watts) ? watts : 'NaN' }),
    };
  }
  const surplus = sign === 'exportNegative' ? -watts : watts;
  // -0 would serialize as 0 anyway; keep it tidy for comparisons in tests.
  return { ok: true, value: surplus === 0 ? 0 : surplus };
}

/** A price per kWh as a decimal string, or null when the value is not a sane price. */
export function priceFromValue(value: unknown): string | null {
  const price = numericValue(value);
  if (price === null || !Number.isFinite(price) || Math.abs(price) > MAX_ABS_PRICE) return null;
  return numberToDecimal(price);
}

export function okReading(
  at: number,
  source: EnergyReadingSource,
  surplusW: number,
  pricePerKwh: string | null = null,
): EnergyReading {
  return { at, surplusW, pricePerKwh, source, ok: true, problem: null };
}

export function failedReading(
  at: number,
  source: EnergyReadingSource,
  problem: Message,
): EnergyReading {
  return { at, surplusW: null, pricePerKwh: null, source, ok: false, problem };
}
