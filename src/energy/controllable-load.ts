import { randomBytes } from 'node:crypto';
import type { ControllableLoadConfig, EnergyModeName } from '../api/energy-schemas.js';
import { connectBroker, endClient } from './mqtt-connection.js';
import { parseMaxPowerSet, parseModeSet, type LoadState } from './mqtt-payloads.js';
import { loadTopics } from './topics.js';

/**
 * The node as an EVCC-style controllable load: home automation sets its mode and a power
 * limit over MQTT and reads its state back. A bad payload is logged and ignored; it never
 * changes anything and never stops the subscription.
 */

export type ControlRequest =
  { kind: 'mode'; mode: EnergyModeName } | { kind: 'maxPowerW'; watts: number | null };

export interface ControllableLoad {
  /** Publish the node's state (retained); identical states are not republished. */
  publishState(state: LoadState): void;
  stop(): Promise<void>;
}

export interface ControllableLoadDeps {
  onRequest: (request: ControlRequest) => void;
  log?: (line: string) => void;
}

export function startControllableLoad(
  config: ControllableLoadConfig,
  deps: ControllableLoadDeps,
): ControllableLoad {
  const topics = loadTopics(config.nodeId);
  const client = connectBroker(config, {
    clientId: `lumbung-load-${config.nodeId}-${randomBytes(4).toString('hex')}`,
  });
  let lastPublished: string | null = null;
  let pending: string | null = null;

  const flush = (): void => {
    if (pending === null || !client.connected) return;
    const payload = pending;
    pending = null;
    lastPublished = payload;
    client.publish(topics.state, payload, { qos: 0, retain: true });
  };

  client.on('connect', () => {
    client.subscribe([topics.modeSet, topics.maxPowerSet], { qos: 1 }, (error) => {
      if (error) deps.log?.(`controllable load: subscribe refused: ${error.message}`);
    });
    if (pending === null && lastPublished !== null) pending = lastPublished;
    flush();
  });
  client.on('error', (error) => deps.log?.(`controllable load: broker: ${error.message}`));
  client.on('message', (topic, payload, packet) => {
    // Retained commands would replay an old instruction on every restart: only live ones count.
    if (packet.retain) {
      deps.log?.(`controllable load: ignored retained ${topic}`);
      return;
    }
    if (topic === topics.modeSet) {
      const mode = parseModeSet(payload);
      if (mode.ok) deps.onRequest({ kind: 'mode', mode: mode.value });
      else deps.log?.(`controllable load: ignored ${topic}: ${mode.reason}`);
    } else if (topic === topics.maxPowerSet) {
      const watts = parseMaxPowerSet(payload);
      if (watts.ok) deps.onRequest({ kind: 'maxPowerW', watts: watts.value });
      else deps.log?.(`controllable load: ignored ${topic}: ${watts.reason}`);
    }
  });

  return {
    publishState(state) {
      const payload = JSON.stringify(state);
      if (payload === lastPublished || payload === pending) return;
      pending = payload;
      flush();
    },
    stop: () => endClient(client),
  };
}
