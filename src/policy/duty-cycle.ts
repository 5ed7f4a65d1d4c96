/**
 * Keeps the average GPU draw under a cap by running the container for a share of each period
 * and pausing it for the rest, for when `nvidia-smi -pl` is not permitted.
 *
 * The controller works on logarithms: u = ln(share), error = ln(setpoint / measured average).
 * Average draw is idle + share × (running − idle), so d ln(avg) / d ln(share) lies in (0, 1]
 * whatever the card: a fixed gain then converges for a 30 W card and a 450 W card alike, and a
 * unit integral gain is the most it can take without overshooting. The velocity (incremental)
 * form clamps ln(share) to [ln minShare, 0], which is the anti-windup; a deadband around a
 * setpoint a little below the cap stops measurement noise from making it hunt.
 */

export interface DutyCycleConfig {
  /** Base length of one run + pause cycle. */
  periodMs: number;
  /** Shortest running slice worth a pause/unpause; long periods keep it at least this. */
  minRunMs: number;
  /** Never pause for more than this share of time (0..1). */
  minShare: number;
  /** Aim this fraction of the cap, so settling inside the deadband stays under the cap. */
  setpointFraction: number;
  /** Relative error within which nothing changes. */
  deadband: number;
  /** Integral gain on the log error, per step. */
  ki: number;
  /** Proportional gain on the log error (applied to its change, velocity form). */
  kp: number;
  /** Largest change of ln(share) in one step, against wild readings. */
  maxLogStep: number;
}

export const DEFAULT_DUTY_CYCLE_CONFIG: Readonly<DutyCycleConfig> = {
  periodMs: 10_000,
  minRunMs: 1_000,
  minShare: 0.02,
  setpointFraction: 0.95,
  deadband: 0.02,
  ki: 0.7,
  kp: 0.15,
  maxLogStep: Math.log(4),
};

export interface DutyCycleState {
  /** Share of time running in the coming period (0..1). */
  share: number;
  /** Last step's log error (0 inside the deadband). */
  prevError: number;
}

export interface DutyCycleInput {
  /** Average draw over the last period (running and paused parts together), in W. */
  measuredAvgW: number;
  /** The budget the average must stay under, in W. */
  capW: number;
}

export interface DutyCycleOutput {
  share: number;
  periodMs: number;
  state: DutyCycleState;
  /**
   * 'high': running all the time and still under the cap (no duty-cycling needed);
   * 'low': paused as much as allowed and still over the cap (the cap cannot be held this way).
   */
  saturated: 'none' | 'high' | 'low';
}

export function initialDutyCycleState(share = 1): DutyCycleState {
  return { share: Math.min(1, Math.max(0, share)), prevError: 0 };
}

function periodFor(share: number, config: DutyCycleConfig): number {
  return Math.round(Math.max(config.periodMs, config.minRunMs / Math.max(share, 1e-9)));
}

/** One control step: call once per period with that period's measured average. */
export function stepDutyCycle(
  state: DutyCycleState,
  input: DutyCycleInput,
  config: DutyCycleConfig = DEFAULT_DUTY_CYCLE_CONFIG,
): DutyCycleOutput {
  const minU = Math.log(config.minShare);
  const u = Math.log(Math.min(1, Math.max(config.minShare, state.share)));
  const setpoint = input.capW * config.setpointFraction;

  let error: number;
  if (!(input.capW > 0)) error = -config.maxLogStep;
  else if (!(input.measuredAvgW > 0)) error = config.maxLogStep;
  else error = Math.log(setpoint / input.measuredAvgW);
  error = Math.max(-config.maxLogStep, Math.min(config.maxLogStep, error));
  if (Math.abs(error) < Math.log(1 + config.deadband)) error = 0;

  const du = error === 0 ? 0 : config.ki * error + config.kp * (error - state.prevError);
  const nextU = Math.max(
    minU,
    Math.min(0, u + Math.max(-config.maxLogStep, Math.min(config.maxLogStep, du))),
  );
  const share = Math.exp(nextU);

  let saturated: DutyCycleOutput['saturated'] = 'none';
  if (nextU === 0 && error >= 0) saturated = 'high';
  else if (nextU === minU && error < 0) saturated = 'low';

  return {
    share,
    periodMs: periodFor(share, config),
    state: { share, prevError: error },
    saturated,
  };
}

/**
 * Runs the controller against a model of the card, for tests and for the UI to preview a cap:
 * `drawAt(share, step)` returns the average draw a period at that share would measure.
 */
export function simulateDutyCycle(
  drawAt: (share: number, step: number) => number,
  capW: number,
  steps: number,
  config: DutyCycleConfig = DEFAULT_DUTY_CYCLE_CONFIG,
  start: DutyCycleState = initialDutyCycleState(),
): { share: number; measuredAvgW: number }[] {
  const trace: { share: number; measuredAvgW: number }[] = [];
  let state = start;
  for (let step = 0; step < steps; step++) {
    const measuredAvgW = drawAt(state.share, step);
    trace.push({ share: state.share, measuredAvgW });
    state = stepDutyCycle(state, { measuredAvgW, capW }, config).state;
  }
  return trace;
}
