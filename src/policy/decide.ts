import { msg, type Message } from '../api/message.js';
import type { CapMethodHint, Decision, PolicyInputs } from '../api/policy-schemas.js';
import { heatRule } from './heat.js';
import { isBelowCardMinimum, resolvePowerCap } from './power-budget.js';
import { presenceRule } from './presence.js';
import { isWithinSchedule, nextScheduleChange } from './schedule.js';

/**
 * When the card does not report its lowest power limit, an energy budget below this cannot
 * do useful work: roughly the least a discrete GPU draws while computing.
 */
export const FALLBACK_MIN_USEFUL_W = 30;

/**
 * May we run now, under what power budget, and why. Pure: `now` and the zone are inputs.
 *
 * Every rule that objects adds its reason, in this precedence (the first is the headline):
 * battery → heat → owner / foreign GPU / blocking programs → schedule → energy. Listing all of
 * them (not only the first) lets the owner see everything that stands in the way, and makes
 * `nextChangeAt` exact: each listed reason that ends by itself is an instant the decision changes.
 */
export function decide(inputs: PolicyInputs): Decision {
  const { now, settings, timeZone, gpu } = inputs;
  const objections: Message[] = [];
  const changesAt: number[] = [];
  let pauseNow = false;

  if (inputs.onBattery === true && !settings.allowOnBattery) {
    objections.push(msg('policy:reason.onBattery'));
    pauseNow = true;
  }

  const heat = heatRule(settings, gpu?.temperatureC ?? null, inputs.wasPausedForHeat);
  if (heat.reason !== null) {
    objections.push(heat.reason);
    pauseNow = true;
  }

  const presence = presenceRule(inputs);
  if (presence.reasons.length > 0) {
    objections.push(...presence.reasons);
    pauseNow = true;
  }
  changesAt.push(...presence.changesAt);

  const withinHours = isWithinSchedule(settings.schedule, now, timeZone);
  const scheduleEdge = nextScheduleChange(settings.schedule, now, timeZone);
  if (scheduleEdge !== null) changesAt.push(scheduleEdge);
  if (!withinHours) {
    objections.push(
      scheduleEdge === null
        ? msg('policy:reason.noHours')
        : msg('policy:reason.outsideHours', { time: scheduleEdge }),
    );
  }

  const energyW = inputs.energyBudgetW;
  if (energyW !== null) {
    const neededW = gpu?.minLimitW ?? FALLBACK_MIN_USEFUL_W;
    if (energyW < neededW) {
      objections.push(msg('policy:reason.noSurplus', { available: energyW, needed: neededW }));
    }
  }

  const notes: Message[] = [];
  if (presence.stopJob) notes.push(msg('policy:info.stoppingForYou'));

  const nextChangeAt = soonestAfter(now, changesAt);
  const common = { stopJob: presence.stopJob, pausedForHeat: heat.paused, nextChangeAt };

  const [headline, ...others] = objections;
  if (headline !== undefined) {
    return {
      run: false,
      pauseNow,
      powerBudgetW: null,
      capMethodHint: 'none',
      reasons: [headline, ...others, ...notes],
      ...common,
    };
  }

  const cap = resolvePowerCap(settings.powerCap, gpu);
  const limits = [cap.targetW, energyW].filter((w): w is number => w !== null);
  const powerBudgetW = limits.length === 0 ? null : Math.min(...limits);
  let capMethodHint: CapMethodHint = 'none';
  if (powerBudgetW !== null) {
    capMethodHint = isBelowCardMinimum(powerBudgetW, gpu) ? 'dutyCycle' : 'powerLimit';
  }

  if (energyW !== null && powerBudgetW === energyW) {
    notes.push(msg('policy:info.energyBudget', { watts: energyW }));
  } else if (powerBudgetW !== null) {
    notes.push(msg('policy:info.powerCap', { watts: powerBudgetW }));
  }
  if (capMethodHint === 'dutyCycle' && gpu?.minLimitW != null) {
    notes.push(
      msg('policy:info.capBelowCardMinimum', { watts: powerBudgetW ?? 0, minimum: gpu.minLimitW }),
    );
  }
  if (cap.unresolved) notes.push(msg('policy:info.capUnresolved'));

  return {
    run: true,
    pauseNow: false,
    powerBudgetW,
    capMethodHint,
    reasons: [
      scheduleEdge === null
        ? msg('policy:reason.sharing')
        : msg('policy:reason.sharingUntil', { time: scheduleEdge }),
      ...notes,
    ],
    ...common,
  };
}

/** The earliest instant after `now`, rounded up to a whole millisecond; null if none. */
function soonestAfter(now: number, instants: readonly number[]): number | null {
  let best: number | null = null;
  for (const t of instants) {
    if (t > now && (best === null || t < best)) best = t;
  }
  return best === null ? null : Math.ceil(best);
}
