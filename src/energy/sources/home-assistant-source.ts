import { z } from 'zod';
import type { EnergyReading, EnergySourceConfig } from '../../api/energy-schemas.js';
import { msg } from '../../api/message.js';
import { failedReading, numericValue, okReading, surplusFromValue } from '../reading.js';
import { fetchJson } from './fetch-json.js';
import { createPollingSource } from './poller.js';
import type { EnergySource, SourceDeps } from './source.js';

type HomeAssistantConfig = Extract<EnergySourceConfig, { kind: 'homeAssistant' }>;

/** The part of Home Assistant's `GET /api/states/<entity_id>` answer we use. */
const HaStateSchema = z.object({
  entity_id: z.string(),
  state: z.string(),
  attributes: z.object({ unit_of_measurement: z.string().optional() }).loose().default({}),
});

const UNIT_FACTORS: Readonly<Record<string, number>> = { W: 1, kW: 1000, MW: 1_000_000 };

/** One reading from an entity state; the unit decides the factor, a missing unit means W. */
export function readingFromHaState(
  body: unknown,
  config: HomeAssistantConfig,
  at: number,
): EnergyReading {
  const parsed = HaStateSchema.safeParse(body);
  if (!parsed.success) return failedReading(at, 'homeAssistant', msg('energy:problem.badAnswer'));
  const { state, attributes } = parsed.data;
  if (state === 'unavailable' || state === 'unknown') {
    return failedReading(
      at,
      'homeAssistant',
      msg('energy:problem.entityUnavailable', { entity: config.entityId }),
    );
  }
  const unit = attributes.unit_of_measurement ?? 'W';
  const factor = UNIT_FACTORS[unit];
  if (factor === undefined) {
    return failedReading(
      at,
      'homeAssistant',
      msg('energy:problem.badUnit', { unit, entity: config.entityId }),
    );
  }
  const value = numericValue(state);
  const surplus = surplusFromValue(value === null ? state : value * factor, config.sign);
  return surplus.ok
    ? okReading(at, 'homeAssistant', surplus.value)
    : failedReading(at, 'homeAssistant', surplus.problem);
}

export function createHomeAssistantSource(
  config: HomeAssistantConfig,
  deps: SourceDeps & { timeoutMs?: number },
): EnergySource {
  const intervalMs = config.pollIntervalS * 1000;
  const timeoutMs = deps.timeoutMs ?? Math.min(intervalMs, 10_000);
  const url = `${config.baseUrl.replace(/\/+$/, '')}/api/states/${encodeURIComponent(config.entityId)}`;
  return createPollingSource(async () => {
    const result = await fetchJson(url, {
      timeoutMs,
      headers: { authorization: `Bearer ${config.token}` },
    });
    const at = deps.now();
    if (result.ok) return readingFromHaState(result.body, config, at);
    if (result.status === 404) {
      return failedReading(
        at,
        'homeAssistant',
        msg('energy:problem.entityNotFound', { entity: config.entityId }),
      );
    }
    return failedReading(at, 'homeAssistant', result.problem);
  }, intervalMs);
}
