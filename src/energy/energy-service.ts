import type {
  CommunityConfig,
  ControllableLoadConfig,
  EnergyHistoryPoint,
  EnergyMode,
  EnergyModeName,
  EnergyReading,
  EnergySourceConfig,
  EnergyStatus,
} from '../api/energy-schemas.js';
import { msg } from '../api/message.js';
import {
  joinCommunity,
  type Community,
  type CommunityShareView,
  type MemberWants,
} from './community.js';
import {
  startControllableLoad,
  type ControllableLoad,
  type ControlRequest,
} from './controllable-load.js';
import { appendHistory } from './history.js';
import { failedReading, okReading } from './reading.js';
import { createEnergySource, staleAfterMs, type EnergySource } from './sources/index.js';
import {
  INITIAL_CONTROLLER_STATE,
  stepController,
  type ControllerOutput,
  type ControllerState,
} from './surplus-controller.js';

/**
 * The energy side of the node in one object: reads the configured source (or the community
 * share), runs the surplus controller and answers "how many watts may the GPU use" for the
 * policy. The node creates one, calls `budget()` each policy round and `reconfigure()` when
 * settings change.
 */

/** What a member asks the community for when neither settings nor a control limit say. */
export const DEFAULT_WANT_W = 300;

export interface EnergyServiceOptions {
  config: EnergySourceConfig;
  mode: EnergyMode;
  community?: CommunityConfig | null;
  /** EVCC-style external control over MQTT. */
  control?: ControllableLoadConfig | null;
  now?: () => number;
  /** Called whenever the status changes (new reading, decision, community split). */
  onChange?: (status: EnergyStatus) => void;
  /** A mode change arrived from outside (controllable load); the node saves it to settings. */
  onModeRequest?: (mode: EnergyModeName) => void;
  log?: (line: string) => void;
  /** How often delays and staleness are re-checked without new readings. */
  tickMs?: number;
}

export interface EnergyReconfigure {
  config?: EnergySourceConfig;
  mode?: EnergyMode;
  community?: CommunityConfig | null;
  control?: ControllableLoadConfig | null;
}

export interface EnergyService {
  status(): EnergyStatus;
  /** `energyBudgetW` for the policy: watts, or null for no energy constraint. */
  budget(): number | null;
  /**
   * What the GPU workload draws now. Grid meters count it against the surplus, so it is
   * added back (as EVCC adds the charger's power); ignored for the community share.
   */
  setLoadW(watts: number | null): void;
  reconfigure(next: EnergyReconfigure): Promise<void>;
  stop(): Promise<void>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createEnergyService(options: EnergyServiceOptions): EnergyService {
  const now = options.now ?? Date.now;
  const log = options.log;
  let config = options.config;
  let mode = options.mode;
  let communityConfig = options.community ?? null;
  let controlConfig = options.control ?? null;

  let source: EnergySource | null = null;
  let community: Community | null = null;
  let control: ControllableLoad | null = null;
  let reading: EnergyReading | null = null;
  let controller: ControllerState = INITIAL_CONTROLLER_STATE;
  let output: ControllerOutput = {
    budgetW: null,
    run: true,
    headline: msg('energy:headline.off'),
    nextChangeAt: null,
  };
  let effectiveReading: EnergyReading | null = null;
  let history: EnergyHistoryPoint[] = [];
  let maxPowerW: number | null = null;
  let loadW = 0;
  let lastNotified: string | null = null;
  let stopped = false;

  const communityActive = (): boolean => community !== null;

  const wants = (): MemberWants => {
    const usesSurplus = mode.mode === 'solar' || mode.mode === 'minSolar';
    const wantW = communityConfig?.wantW ?? maxPowerW ?? DEFAULT_WANT_W;
    return {
      wantW: usesSurplus ? Math.floor(wantW) : 0,
      // Min+Solar runs at its floor anyway, so any share at all is useful to it.
      minW: mode.mode === 'solar' ? Math.ceil(mode.minUsefulW) : 0,
    };
  };

  const communityReading = (view: CommunityShareView, at: number): EnergyReading =>
    view.problem === null
      ? okReading(view.updatedAt ?? at, 'community', view.myShareW)
      : failedReading(at, 'community', view.problem);

  const evaluate = (): void => {
    const t = now();
    let step: ControllerOutput;
    if (community !== null) {
      effectiveReading = communityReading(community.view(), t);
      const r = stepController(controller, {
        now: t,
        mode,
        reading: effectiveReading,
        staleAfterMs: Number.POSITIVE_INFINITY,
        loadW: 0,
      });
      controller = r.state;
      step = r.output;
    } else if (config.kind === 'none') {
      effectiveReading = null;
      controller = INITIAL_CONTROLLER_STATE;
      step = {
        budgetW: null,
        run: true,
        headline: msg(mode.mode === 'off' ? 'energy:headline.off' : 'energy:headline.noSource'),
        nextChangeAt: null,
      };
    } else {
      effectiveReading = reading;
      const r = stepController(controller, {
        now: t,
        mode,
        reading,
        staleAfterMs: staleAfterMs(config),
        loadW,
        manual: config.kind === 'manual' ? config : null,
      });
      controller = r.state;
      step = r.output;
    }
    if (maxPowerW !== null) {
      step = {
        ...step,
        budgetW: step.budgetW === null ? maxPowerW : Math.min(step.budgetW, maxPowerW),
      };
    }
    output = step;
    history = appendHistory(history, {
      at: t,
      surplusW: effectiveReading?.surplusW ?? null,
      budgetW: step.budgetW,
      drawW: loadW > 0 ? loadW : null,
    });
    notify();
  };

  const currentStatus = (): EnergyStatus => {
    const view = community?.view() ?? null;
    return {
      mode: mode.mode,
      reading: effectiveReading,
      budgetW: output.budgetW,
      running: output.run,
      headline: output.headline,
      nextChangeAt: output.nextChangeAt,
      maxPowerW,
      history,
      community:
        view === null
          ? null
          : {
              members: view.members,
              myShareW: view.myShareW,
              totalSurplusW: view.totalSurplusW,
              shares: Object.entries(view.shares)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([nodeId, shareW]) => ({
                  nodeId,
                  shareW,
                  me: nodeId === communityConfig?.nodeId,
                })),
              problem: view.problem,
            },
    };
  };

  const notify = (): void => {
    if (stopped) return;
    const status = currentStatus();
    const { history: _history, ...rest } = status;
    const key = JSON.stringify(rest);
    if (key === lastNotified) return;
    lastNotified = key;
    control?.publishState({
      mode: mode.mode,
      budgetW: status.budgetW,
      running: status.running,
      surplusW: status.reading?.surplusW ?? null,
      maxPowerW,
    });
    options.onChange?.(status);
  };

  const onReading = (r: EnergyReading): void => {
    if (stopped) return;
    reading = r;
    evaluate();
  };

  const startSource = (): void => {
    reading = null;
    controller = INITIAL_CONTROLLER_STATE;
    if (communityActive()) return;
    source = createEnergySource(config, { now });
    source?.start(onReading);
  };

  const startCommunity = (): void => {
    if (communityConfig === null || !communityConfig.enabled) return;
    community = joinCommunity(communityConfig, {
      now,
      wants: wants(),
      onChange: () => {
        if (!stopped) evaluate();
      },
      ...(log === undefined ? {} : { log }),
    });
  };

  const onControl = (request: ControlRequest): void => {
    if (stopped) return;
    if (request.kind === 'mode') {
      if (request.mode !== mode.mode) {
        mode = { ...mode, mode: request.mode };
        options.onModeRequest?.(request.mode);
      }
    } else {
      maxPowerW = request.watts;
    }
    community?.setWants(wants());
    evaluate();
  };

  const startControl = (): void => {
    if (controlConfig === null || !controlConfig.enabled) return;
    control = startControllableLoad(controlConfig, {
      onRequest: onControl,
      ...(log === undefined ? {} : { log }),
    });
    lastNotified = null;
  };

  const stopSource = async (): Promise<void> => {
    const s = source;
    source = null;
    await s?.stop();
  };
  const stopCommunity = async (): Promise<void> => {
    const c = community;
    community = null;
    await c?.stop();
  };
  const stopControl = async (): Promise<void> => {
    const c = control;
    control = null;
    await c?.stop();
  };

  startCommunity();
  startSource();
  startControl();
  evaluate();
  const ticker = setInterval(() => {
    if (!stopped) evaluate();
  }, options.tickMs ?? 1000);
  ticker.unref();

  return {
    status() {
      evaluate();
      return currentStatus();
    },
    budget() {
      evaluate();
      return output.budgetW;
    },
    setLoadW(watts) {
      loadW = watts !== null && Number.isFinite(watts) && watts > 0 ? watts : 0;
    },
    async reconfigure(next) {
      if (stopped) return;
      const sourceChanged = next.config !== undefined && !same(next.config, config);
      const communityChanged =
        next.community !== undefined && !same(next.community, communityConfig);
      const controlChanged = next.control !== undefined && !same(next.control, controlConfig);
      if (next.config !== undefined) config = next.config;
      if (next.mode !== undefined) mode = next.mode;
      if (next.community !== undefined) communityConfig = next.community;
      if (next.control !== undefined) controlConfig = next.control;
      if (communityChanged) {
        await stopCommunity();
        startCommunity();
      }
      if (sourceChanged || communityChanged) {
        await stopSource();
        startSource();
      }
      if (controlChanged) {
        await stopControl();
        startControl();
      }
      community?.setWants(wants());
      evaluate();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      await Promise.all([stopSource(), stopCommunity(), stopControl()]);
    },
  };
}
