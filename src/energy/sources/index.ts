import type { EnergySourceConfig } from '../../api/energy-schemas.js';
import { createHomeAssistantSource } from './home-assistant-source.js';
import { createHttpJsonSource } from './http-json-source.js';
import { createManualSource } from './manual-source.js';
import { createMqttSource } from './mqtt-source.js';
import type { EnergySource, SourceDeps } from './source.js';

export type { EnergySource, SourceDeps } from './source.js';

/** The source for a configuration; null for 'none' (energy not considered). */
export function createEnergySource(
  config: EnergySourceConfig,
  deps: SourceDeps,
): EnergySource | null {
  switch (config.kind) {
    case 'none':
      return null;
    case 'manual':
      return createManualSource(config, deps);
    case 'httpJson':
      return createHttpJsonSource(config, deps);
    case 'mqtt':
      return createMqttSource(config, deps);
    case 'homeAssistant':
      return createHomeAssistantSource(config, deps);
  }
}

/** Polled sources may miss two polls before their last value stops counting. */
const MISSED_POLLS = 3;

/** How old a reading from this source may be and still be trusted. */
export function staleAfterMs(config: EnergySourceConfig): number {
  switch (config.kind) {
    case 'none':
    case 'manual':
      return Number.POSITIVE_INFINITY;
    case 'httpJson':
    case 'homeAssistant':
      return config.pollIntervalS * 1000 * MISSED_POLLS;
    case 'mqtt':
      return config.staleAfterS * 1000;
  }
}
