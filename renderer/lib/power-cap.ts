import { msg, type Message } from '../../src/api/message';
import type { PowerCapSetting } from '../../src/api/policy-schemas';
import { parseNumber } from './parse-number';

export type PowerCapMode = PowerCapSetting['mode'];

export const POWER_CAP_RANGE: Record<Exclude<PowerCapMode, 'off'>, { min: number; max: number }> = {
  watts: { min: 10, max: 2000 },
  percent: { min: 10, max: 200 },
};

/** The owner's typed cap, checked the way the core will check it, or why it cannot be used. */
export function readPowerCap(
  mode: PowerCapMode,
  text: string,
  previous: PowerCapSetting,
): { ok: true; value: PowerCapSetting } | { ok: false; error: Message } {
  if (mode === 'off') return { ok: true, value: { mode, value: previous.value } };
  const range = POWER_CAP_RANGE[mode];
  const value = parseNumber(text);
  if (value === null || value < range.min || value > range.max) {
    return {
      ok: false,
      error: msg(mode === 'watts' ? 'ui:power.cap.badWatts' : 'ui:power.cap.badPercent', range),
    };
  }
  return { ok: true, value: { mode, value } };
}
