import type { EnergyReading, EnergySourceConfig } from '../../api/energy-schemas.js';
import { msg } from '../../api/message.js';
import { resolveFieldPath } from '../field-path.js';
import { failedReading, okReading, priceFromValue, surplusFromValue } from '../reading.js';
import { fetchJson } from './fetch-json.js';
import { createPollingSource } from './poller.js';
import type { EnergySource, SourceDeps } from './source.js';

type HttpJsonConfig = Extract<EnergySourceConfig, { kind: 'httpJson' }>;

/** One reading from a JSON document, e.g. EVCC's `/api/state` with `site.gridPower`. */
export function readingFromDocument(
  doc: unknown,
  config: HttpJsonConfig,
  at: number,
): EnergyReading {
  const field = resolveFieldPath(doc, config.fieldPath);
  if (!field.found) {
    return failedReading(
      at,
      'httpJson',
      msg('energy:problem.fieldMissing', { path: config.fieldPath }),
    );
  }
  const surplus = surplusFromValue(field.value, config.sign);
  if (!surplus.ok) return failedReading(at, 'httpJson', surplus.problem);
  let price: string | null = null;
  if (config.priceFieldPath !== undefined) {
    const priceField = resolveFieldPath(doc, config.priceFieldPath);
    price = priceField.found ? priceFromValue(priceField.value) : null;
  }
  return okReading(at, 'httpJson', surplus.value, price);
}

export function createHttpJsonSource(
  config: HttpJsonConfig,
  deps: SourceDeps & { timeoutMs?: number },
): EnergySource {
  const intervalMs = config.pollIntervalS * 1000;
  const timeoutMs = deps.timeoutMs ?? Math.min(intervalMs, 10_000);
  return createPollingSource(async () => {
    const result = await fetchJson(config.url, { timeoutMs });
    const at = deps.now();
    return result.ok
      ? readingFromDocument(result.body, config, at)
      : failedReading(at, 'httpJson', result.problem);
  }, intervalMs);
}
