import type { GpuReading, PowerCapSetting } from '../api/policy-schemas.js';

export type CardPowerLimits = Pick<GpuReading, 'defaultLimitW' | 'minLimitW' | 'maxLimitW'>;

export interface PowerCap {
  /** The average draw the owner asked for, in W; null = no cap (or it cannot be worked out). */
  targetW: number | null;
  /** What `nvidia-smi -pl` can be set to: the target clamped to the card's limits. */
  limitW: number | null;
  /** The target is below the lowest limit the card accepts: only duty-cycling can hold it. */
  belowCardMinimum: boolean;
  /** A percent cap on a card that does not report its default limit. */
  unresolved: boolean;
}

const NO_CAP: PowerCap = {
  targetW: null,
  limitW: null,
  belowCardMinimum: false,
  unresolved: false,
};

/** Whole tenths of a watt: finer than any card's limit step, and stable for display. */
function roundWatts(w: number): number {
  return Math.round(w * 10) / 10;
}

/** `watts` clamped to whatever the card reports of its [min, max] limits. */
export function clampToCardLimits(watts: number, limits: CardPowerLimits | null): number {
  let w = watts;
  if (limits?.maxLimitW != null) w = Math.min(w, limits.maxLimitW);
  if (limits?.minLimitW != null) w = Math.max(w, limits.minLimitW);
  return w;
}

export function isBelowCardMinimum(watts: number, limits: CardPowerLimits | null): boolean {
  return limits?.minLimitW != null && watts < limits.minLimitW;
}

/** Turns the owner's cap setting into watts for this card. */
export function resolvePowerCap(cap: PowerCapSetting, limits: CardPowerLimits | null): PowerCap {
  if (cap.mode === 'off') return NO_CAP;
  let targetW: number;
  if (cap.mode === 'watts') {
    targetW = cap.value;
  } else {
    const base = limits?.defaultLimitW ?? null;
    if (base === null) return { ...NO_CAP, unresolved: true };
    targetW = roundWatts((base * cap.value) / 100);
  }
  return {
    targetW,
    limitW: clampToCardLimits(targetW, limits),
    belowCardMinimum: isBelowCardMinimum(targetW, limits),
    unresolved: false,
  };
}
