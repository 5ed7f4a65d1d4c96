/**
 * Exponential moving average over irregular samples: a sample `dt` after the last one moves
 * the average by 1 − e^(−dt/τ). Solar surplus flickers with every cloud and kettle; the
 * average is what start/stop decisions look at.
 */
export interface Ema {
  value: number;
  at: number;
}

export function updateEma(
  prev: Ema | null,
  sample: number,
  at: number,
  timeConstantMs: number,
): Ema {
  if (prev === null || timeConstantMs <= 0) return { value: sample, at };
  const dt = at - prev.at;
  if (dt <= 0) return prev;
  const weight = 1 - Math.exp(-dt / timeConstantMs);
  return { value: prev.value + weight * (sample - prev.value), at };
}
