/**
 * Money math for the ledger, exact in bigint base units. Measurements (GPU-seconds, Wh)
 * arrive as numbers from metering; they are fixed to thousandths once, here, and never
 * meet a float again.
 */

const MILLI = 1000n;
const MILLI_SECONDS_PER_HOUR = 3_600_000n;
const MILLI_WH_PER_KWH = 1_000_000n;

/** A non-negative measurement as whole thousandths (ms of GPU time, mWh of energy). */
export function toMilli(value: number): bigint {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`measurement must be a finite number ≥ 0, got ${value}`);
  }
  return BigInt(Math.round(value * Number(MILLI)));
}

/**
 * What a job earns: price per GPU-hour × GPU-seconds / 3600, rounded down so the node
 * never books more than the network owes.
 */
export function amountFor(pricePerGpuHour: bigint, gpuSeconds: number): bigint {
  if (pricePerGpuHour < 0n) throw new RangeError('price must not be negative');
  return (pricePerGpuHour * toMilli(gpuSeconds)) / MILLI_SECONDS_PER_HOUR;
}

/**
 * What the electricity for a job cost at `pricePerKwh` (base units per kWh), rounded up
 * so net earnings are never overstated.
 */
export function electricityCost(energyWh: number, pricePerKwh: bigint): bigint {
  if (pricePerKwh < 0n) throw new RangeError('tariff must not be negative');
  const numerator = pricePerKwh * toMilli(energyWh);
  return (numerator + MILLI_WH_PER_KWH - 1n) / MILLI_WH_PER_KWH;
}

export function sumAmounts(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
