import { msg, type Message } from '../api/message.js';
import type { PolicySettings } from '../api/policy-schemas.js';

export interface HeatOutcome {
  paused: boolean;
  reason: Message | null;
}

/**
 * Pause at the temperature cap and stay paused until the card is `tempResumeDeltaC` cooler,
 * so a card hovering near the cap does not start and stop every few seconds.
 */
export function heatRule(
  settings: Pick<PolicySettings, 'tempCapC' | 'tempResumeDeltaC'>,
  temperatureC: number | null,
  wasPausedForHeat: boolean,
): HeatOutcome {
  const resumeBelowC = settings.tempCapC - settings.tempResumeDeltaC;
  if (temperatureC === null) {
    // No reading: keep whatever we decided last, rather than start a card we saw overheating.
    return wasPausedForHeat
      ? { paused: true, reason: msg('policy:reason.hotNoReading', { resume: resumeBelowC }) }
      : { paused: false, reason: null };
  }
  const paused = wasPausedForHeat
    ? temperatureC >= resumeBelowC
    : temperatureC >= settings.tempCapC;
  return paused
    ? {
        paused: true,
        reason: msg('policy:reason.hot', { temp: Math.round(temperatureC), resume: resumeBelowC }),
      }
    : { paused: false, reason: null };
}
