import type { EnergyMode, EnergyReading } from '../api/energy-schemas.js';
import { msg, type Message } from '../api/message.js';
import { compareDecimal } from './decimal.js';
import { updateEma, type Ema } from './smoothing.js';

/**
 * Turns energy readings into an energy budget, the way EVCC's loadpoint modes do: "Solar"
 * (run only on surplus, with start/stop thresholds and delays), "Min+Solar" (always run at a
 * floor the owner pays for, add surplus), a price limit, or off. Pure: the clock is an input.
 */

export interface ControllerState {
  /** The mode these timers belong to: a mode switch never inherits "running". */
  mode: EnergyMode['mode'] | null;
  /** Smoothed (surplus + own load), sampled at reading times. */
  ema: Ema | null;
  running: boolean;
  /** Solar, stopped: since when the smoothed surplus has been enough to start. */
  aboveSince: number | null;
  /** Solar, running: since when the surplus has been too little. */
  belowSince: number | null;
  /** The last usable reading's time, for "last value 3 minutes ago". */
  lastGoodAt: number | null;
}

export const INITIAL_CONTROLLER_STATE: ControllerState = {
  mode: null,
  ema: null,
  running: false,
  aboveSince: null,
  belowSince: null,
  lastGoodAt: null,
};

/** The owner's switch in place of a measurement (manual source). */
export interface ManualSignal {
  surplusNow: boolean;
  /** null = no limit while `surplusNow`. */
  fixedBudgetW: number | null;
}

export interface ControllerInput {
  now: number;
  mode: EnergyMode;
  /** The latest reading; null = none yet. */
  reading: EnergyReading | null;
  /** A reading older than this is not trusted. */
  staleAfterMs: number;
  /**
   * Watts this machine's workload draws now and that the reading already counts against the
   * surplus (a grid meter sees the GPU too); added back, as EVCC adds the charge power.
   */
  loadW: number;
  manual?: ManualSignal | null;
}

export interface ControllerOutput {
  /** The energy budget for the policy; null = no energy constraint. */
  budgetW: number | null;
  run: boolean;
  headline: Message;
  nextChangeAt: number | null;
}

export interface ControllerStep {
  state: ControllerState;
  output: ControllerOutput;
}

const SECOND = 1000;
const watts = (w: number): number => Math.round(w);
const secondsUntil = (at: number, now: number): number =>
  Math.max(0, Math.ceil((at - now) / SECOND));

function usableReading(input: ControllerInput): EnergyReading | null {
  const r = input.reading;
  if (r === null || !r.ok) return null;
  if (input.now - r.at > input.staleAfterMs) return null;
  return r;
}

/** A stopped controller with no solar timers: what every non-Solar mode and failure leaves. */
function idle(state: ControllerState): ControllerState {
  return { ...state, running: false, aboveSince: null, belowSince: null };
}

function notAnswering(state: ControllerState, input: ControllerInput): Message {
  const now = input.now;
  if (input.reading === null) return msg('energy:headline.waitingForSource');
  if (state.lastGoodAt === null) return msg('energy:headline.sourceNotAnswering');
  const ageS = Math.max(0, Math.floor((now - state.lastGoodAt) / SECOND));
  return ageS < 120
    ? msg('energy:headline.sourceSilentSeconds', { seconds: ageS })
    : msg('energy:headline.sourceSilentMinutes', { minutes: Math.floor(ageS / 60) });
}

function stepManual(
  state: ControllerState,
  input: ControllerInput,
  manual: ManualSignal,
): ControllerStep {
  const { mode } = input;
  const s = idle(state);
  const fixed = manual.fixedBudgetW;
  switch (mode.mode) {
    case 'off':
      return offStep(s);
    case 'solar':
      if (!manual.surplusNow) {
        return {
          state: s,
          output: {
            budgetW: 0,
            run: false,
            headline: msg('energy:headline.manualOff'),
            nextChangeAt: null,
          },
        };
      }
      return {
        state: { ...s, running: true },
        output: {
          budgetW: fixed,
          run: true,
          headline:
            fixed === null
              ? msg('energy:headline.manualOnUnlimited')
              : msg('energy:headline.manualOn', { watts: watts(fixed) }),
          nextChangeAt: null,
        },
      };
    case 'minSolar': {
      const extra = manual.surplusNow ? fixed : 0;
      return {
        state: { ...s, running: true },
        output: {
          budgetW: extra === null ? null : mode.floorW + extra,
          run: true,
          headline:
            extra === null
              ? msg('energy:headline.manualOnUnlimited')
              : msg('energy:headline.minSolar', {
                  floor: watts(mode.floorW),
                  surplus: watts(extra),
                }),
          nextChangeAt: null,
        },
      };
    }
    case 'priceLimit':
      return {
        state: s,
        output: {
          budgetW: 0,
          run: false,
          headline: msg('energy:headline.noPrice'),
          nextChangeAt: null,
        },
      };
  }
}

function offStep(state: ControllerState): ControllerStep {
  return {
    state: idle(state),
    output: { budgetW: null, run: true, headline: msg('energy:headline.off'), nextChangeAt: null },
  };
}

function stepPrice(
  state: ControllerState,
  input: ControllerInput,
  reading: EnergyReading | null,
): ControllerStep {
  const s = idle(state);
  const stop = (headline: Message): ControllerStep => ({
    state: s,
    output: { budgetW: 0, run: false, headline, nextChangeAt: null },
  });
  const limit = input.mode.priceLimit;
  if (limit === null) return stop(msg('energy:headline.noPriceLimit'));
  if (reading === null) return stop(notAnswering(state, input));
  const price = reading.pricePerKwh;
  if (price === null) return stop(msg('energy:headline.noPrice'));
  const cmp = compareDecimal(price, limit);
  if (cmp === null) return stop(msg('energy:headline.noPrice'));
  if (cmp > 0) return stop(msg('energy:headline.priceTooHigh', { price, limit }));
  return {
    state: { ...s, running: true },
    output: {
      budgetW: null,
      run: true,
      headline: msg('energy:headline.priceOk', { price, limit }),
      nextChangeAt: null,
    },
  };
}

function stepSolar(
  state: ControllerState,
  input: ControllerInput,
  rawW: number,
  smoothedW: number,
): ControllerStep {
  const { now, mode } = input;
  const minW = mode.minUsefulW;
  const startNeedW = minW + mode.startThresholdW;
  const startDelayMs = mode.startDelayS * SECOND;
  // Starting needs the smoothed surplus to hold; while running the budget never exceeds what
  // is there right now, so a sudden drop lowers the budget at once.
  const smoothedAvailableW = smoothedW - mode.residualW;
  const availableNowW = Math.min(rawW, smoothedW) - mode.residualW;

  if (!state.running) {
    if (smoothedAvailableW < startNeedW) {
      return {
        state: { ...state, aboveSince: null, belowSince: null },
        output: {
          budgetW: 0,
          run: false,
          headline: msg('energy:headline.waitingForSurplus', {
            available: watts(Math.max(0, smoothedAvailableW)),
            needed: watts(startNeedW),
            seconds: mode.startDelayS,
          }),
          nextChangeAt: null,
        },
      };
    }
    const aboveSince = state.aboveSince ?? now;
    const startAt = aboveSince + startDelayMs;
    if (now < startAt) {
      return {
        state: { ...state, aboveSince, belowSince: null },
        output: {
          budgetW: 0,
          run: false,
          headline: msg('energy:headline.startingSoon', {
            available: watts(smoothedAvailableW),
            seconds: secondsUntil(startAt, now),
          }),
          nextChangeAt: startAt,
        },
      };
    }
    return runningSolar(
      { ...state, running: true, aboveSince: null, belowSince: null },
      input,
      availableNowW,
    );
  }
  return runningSolar(state, input, availableNowW);
}

function runningSolar(
  state: ControllerState,
  input: ControllerInput,
  availableNowW: number,
): ControllerStep {
  const { now, mode } = input;
  const minW = mode.minUsefulW;
  if (availableNowW >= minW) {
    return {
      state: { ...state, belowSince: null },
      output: {
        budgetW: Math.floor(availableNowW),
        run: true,
        headline: msg('energy:headline.runningOnSurplus', {
          watts: watts(Math.floor(availableNowW)),
        }),
        nextChangeAt: null,
      },
    };
  }
  const belowSince = state.belowSince ?? now;
  const stopAt = belowSince + mode.stopDelayS * SECOND;
  if (now >= stopAt) {
    return {
      state: idle(state),
      output: {
        budgetW: 0,
        run: false,
        headline: msg('energy:headline.waitingForSurplus', {
          available: watts(Math.max(0, availableNowW)),
          needed: watts(minW + mode.startThresholdW),
          seconds: mode.startDelayS,
        }),
        nextChangeAt: null,
      },
    };
  }
  // Like EVCC during its disable delay: keep the load at its minimum rather than flapping.
  return {
    state: { ...state, belowSince },
    output: {
      budgetW: minW,
      run: true,
      headline: msg('energy:headline.stoppingSoon', {
        available: watts(Math.max(0, availableNowW)),
        seconds: secondsUntil(stopAt, now),
      }),
      nextChangeAt: stopAt,
    },
  };
}

function stepMinSolar(
  state: ControllerState,
  input: ControllerInput,
  available: number | null,
): ControllerStep {
  const floorW = input.mode.floorW;
  const s = { ...idle(state), running: true };
  if (available === null) {
    return {
      state: s,
      output: {
        budgetW: floorW,
        run: true,
        headline: msg('energy:headline.minSolarNoSource', { floor: watts(floorW) }),
        nextChangeAt: null,
      },
    };
  }
  const extraW = Math.max(0, Math.floor(available));
  return {
    state: s,
    output: {
      budgetW: floorW + extraW,
      run: true,
      headline: msg('energy:headline.minSolar', { floor: watts(floorW), surplus: extraW }),
      nextChangeAt: null,
    },
  };
}

export function stepController(previous: ControllerState, input: ControllerInput): ControllerStep {
  const { mode } = input;
  const state = previous.mode === mode.mode ? previous : { ...idle(previous), mode: mode.mode };
  if (input.manual) return stepManual(state, input, input.manual);
  const reading = usableReading(input);
  let next = state;
  let rawW: number | null = null;
  if (reading !== null && reading.surplusW !== null) {
    rawW = reading.surplusW + input.loadW;
    const ema =
      state.ema !== null && reading.at <= state.ema.at
        ? state.ema
        : updateEma(state.ema, rawW, reading.at, mode.smoothingS * SECOND);
    next = { ...state, ema, lastGoodAt: Math.max(reading.at, state.lastGoodAt ?? 0) };
  } else if (reading !== null) {
    next = { ...state, lastGoodAt: Math.max(reading.at, state.lastGoodAt ?? 0) };
  }

  switch (mode.mode) {
    case 'off':
      return offStep(next);
    case 'priceLimit':
      return stepPrice(next, input, reading);
    case 'minSolar':
      return stepMinSolar(
        next,
        input,
        rawW === null || next.ema === null ? null : Math.min(rawW, next.ema.value) - mode.residualW,
      );
    case 'solar':
      if (rawW === null || next.ema === null) {
        // Fail safe: an unusable reading means no surplus, at once, without the stop delay.
        return {
          state: idle(next),
          output: {
            budgetW: 0,
            run: false,
            headline: notAnswering(next, input),
            nextChangeAt: null,
          },
        };
      }
      return stepSolar(next, input, rawW, next.ema.value);
  }
}
