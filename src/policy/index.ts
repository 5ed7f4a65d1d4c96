export { decide, FALLBACK_MIN_USEFUL_W } from './decide.js';
export {
  coversWholeWeek,
  effectiveSpans,
  isWithinSchedule,
  nextScheduleChange,
  presetSpans,
  scheduleIntervals,
  type Interval,
} from './schedule.js';
export {
  clampToCardLimits,
  isBelowCardMinimum,
  resolvePowerCap,
  type CardPowerLimits,
  type PowerCap,
} from './power-budget.js';
export {
  DEFAULT_DUTY_CYCLE_CONFIG,
  initialDutyCycleState,
  simulateDutyCycle,
  stepDutyCycle,
  type DutyCycleConfig,
  type DutyCycleInput,
  type DutyCycleOutput,
  type DutyCycleState,
} from './duty-cycle.js';
export { heatRule, type HeatOutcome } from './heat.js';
export { presenceRule, type PresenceOutcome } from './presence.js';
export { runningBlockers } from './blockers.js';
