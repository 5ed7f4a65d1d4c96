// Small numeric helpers shared by the benchmarks. Percentiles use the nearest-rank
// method so p99 of 40 samples is an actual observed sample, never an interpolation.

/** Nearest-rank percentile of `values` (0 < p ≤ 100); NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);

export function mean(values) {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Milliseconds from a high-resolution clock, for intervals only. */
export const nowMs = () => performance.now();

/** Runs `fn` and returns [its result, elapsed ms]. */
export async function timed(fn) {
  const start = nowMs();
  const value = await fn();
  return [value, nowMs() - start];
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a truthy value or `timeoutMs` passes. */
export async function waitUntil(
  check,
  { timeoutMs = 30_000, everyMs = 5, what = 'condition' } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const MiB = 1024 * 1024;
