import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { MqttBroker } from '../api/energy-schemas.js';
import { msg, type Message } from '../api/message.js';

export interface ConnectOptions {
  clientId?: string;
  will?: IClientOptions['will'];
  /** How long to wait between reconnect attempts. */
  reconnectPeriodMs?: number;
  keepaliveS?: number;
}

/** One MQTT client for a configured broker; mqtt.js reconnects by itself. */
export function connectBroker(broker: MqttBroker, opts: ConnectOptions = {}): MqttClient {
  const options: IClientOptions = {
    reconnectPeriod: opts.reconnectPeriodMs ?? 2000,
    connectTimeout: 10_000,
    keepalive: opts.keepaliveS ?? 30,
    rejectUnauthorized: broker.tls.rejectUnauthorized,
    clean: true,
  };
  if (broker.username !== undefined) options.username = broker.username;
  if (broker.password !== undefined) options.password = broker.password;
  if (opts.clientId !== undefined) options.clientId = opts.clientId;
  if (opts.will !== undefined) options.will = opts.will;
  return mqtt.connect(broker.brokerUrl, options);
}

/** Connection refused for credentials (MQTT 3.1.1 codes 4/5, MQTT 5 codes 134/135). */
export function brokerProblem(error: unknown, brokerUrl: string): Message {
  const host = hostOf(brokerUrl);
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 4 || code === 5 || code === 134 || code === 135)
    return msg('energy:problem.brokerRefused', { host });
  return msg('energy:problem.brokerUnreachable', { host });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

/** Ends a client; `announce: false` drops the connection without a DISCONNECT (the last will fires). */
export function endClient(client: MqttClient, announce = true): Promise<void> {
  return new Promise((resolve) => {
    client.end(!announce, {}, () => resolve());
  });
}
