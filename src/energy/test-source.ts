import { msg } from '../api/message.js';
import type { EnergyReading, EnergySourceConfig } from '../api/energy-schemas.js';
import { failedReading } from './reading.js';
import { createEnergySource } from './sources/index.js';

/**
 * "Test connection": reads a source once with the settings the owner is about to save,
 * without touching the running one. Resolves with the first reading, good or failed.
 */
export async function testEnergySource(
  config: EnergySourceConfig,
  options: { now?: () => number; timeoutMs?: number } = {},
): Promise<EnergyReading> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const source = createEnergySource(config, { now });
  if (source === null) return failedReading(now(), 'none', msg('energy:test.noSource'));
  try {
    return await new Promise<EnergyReading>((resolve) => {
      const timer = setTimeout(
        () =>
          resolve(
            failedReading(
              now(),
              config.kind,
              msg('energy:test.noAnswer', { seconds: Math.round(timeoutMs / 1000) }),
            ),
          ),
        timeoutMs,
      );
      source.start((reading) => {
        clearTimeout(timer);
        resolve(reading);
      });
    });
  } finally {
    await source.stop();
  }
}
