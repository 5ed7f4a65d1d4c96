import type { EnergyReading, EnergySourceConfig } from '../../api/energy-schemas.js';
import { msg } from '../../api/message.js';
import { resolveFieldPath } from '../field-path.js';
import { brokerProblem, connectBroker, endClient } from '../mqtt-connection.js';
import { failedReading, okReading, surplusFromValue } from '../reading.js';
import type { EnergySource, SourceDeps } from './source.js';

type MqttSourceConfig = Extract<EnergySourceConfig, { kind: 'mqtt' }>;

const MAX_PAYLOAD_BYTES = 100_000;

/** One reading from a message: the payload is the number itself, or JSON with a field path. */
export function readingFromPayload(
  payload: Buffer | string,
  config: MqttSourceConfig,
  at: number,
): EnergyReading {
  const text = typeof payload === 'string' ? payload : payload.toString('utf8');
  if (text.length > MAX_PAYLOAD_BYTES)
    return failedReading(at, 'mqtt', msg('energy:problem.tooLarge', { host: config.topic }));
  let value: unknown = text.trim();
  if (config.fieldPath !== '') {
    let doc: unknown;
    try {
      doc = JSON.parse(text) as unknown;
    } catch {
      return failedReading(at, 'mqtt', msg('energy:problem.notJson', { host: config.topic }));
    }
    const field = resolveFieldPath(doc, config.fieldPath);
    if (!field.found)
      return failedReading(
        at,
        'mqtt',
        msg('energy:problem.fieldMissing', { path: config.fieldPath }),
      );
    value = field.value;
  }
  const surplus = surplusFromValue(value, config.sign);
  return surplus.ok
    ? okReading(at, 'mqtt', surplus.value)
    : failedReading(at, 'mqtt', surplus.problem);
}

/**
 * Subscribes to the topic. Meters publish on their own schedule, so silence is the failure to
 * watch for: no message within `staleAfterS` yields a "stale" reading.
 */
export function createMqttSource(config: MqttSourceConfig, deps: SourceDeps): EnergySource {
  const staleAfterMs = config.staleAfterS * 1000;
  let client: ReturnType<typeof connectBroker> | null = null;
  let staleTimer: NodeJS.Timeout | null = null;

  return {
    start(onReading) {
      const startedAt = deps.now();
      let lastMessageAt: number | null = null;
      let reportedStale = false;
      let lastProblemKey: string | null = null;
      let brokerFailed = false;
      const emit = (reading: EnergyReading): void => {
        lastProblemKey = reading.problem?.key ?? null;
        onReading(reading);
      };

      client = connectBroker(config, { reconnectPeriodMs: 2000 });
      client.on('connect', () => {
        // Connected again: silence from here on is the meter's, and counts as stale.
        brokerFailed = false;
        client?.subscribe(config.topic, { qos: 0 }, (error) => {
          if (error)
            emit(
              failedReading(
                deps.now(),
                'mqtt',
                msg('energy:problem.subscribeRefused', { topic: config.topic }),
              ),
            );
        });
      });
      client.on('message', (_topic, payload) => {
        lastMessageAt = deps.now();
        reportedStale = false;
        brokerFailed = false;
        emit(readingFromPayload(payload, config, lastMessageAt));
      });
      client.on('error', (error) => {
        const problem = brokerProblem(error, config.brokerUrl);
        // mqtt.js retries every few seconds: report each kind of failure once, not per retry.
        if (problem.key !== lastProblemKey) {
          brokerFailed = true;
          emit(failedReading(deps.now(), 'mqtt', problem));
        }
      });
      staleTimer = setInterval(
        () => {
          const now = deps.now();
          // A broker failure already said why; "stale" would only hide the better reason.
          if (
            !reportedStale &&
            !brokerFailed &&
            now - (lastMessageAt ?? startedAt) > staleAfterMs
          ) {
            reportedStale = true;
            emit(
              failedReading(
                now,
                'mqtt',
                msg('energy:problem.stale', { seconds: config.staleAfterS }),
              ),
            );
          }
        },
        Math.min(1000, staleAfterMs / 2),
      );
    },
    async stop() {
      if (staleTimer !== null) clearInterval(staleTimer);
      staleTimer = null;
      const c = client;
      client = null;
      if (c !== null) await endClient(c);
    },
  };
}
