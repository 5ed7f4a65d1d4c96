import type { EnergyReading } from '../../api/energy-schemas.js';
import type { EnergySourceConfig } from '../../api/energy-schemas.js';
import type { EnergySource, SourceDeps } from './source.js';

type ManualConfig = Extract<EnergySourceConfig, { kind: 'manual' }>;

/** The owner's own switch. surplusW is the fixed budget (null = no limit) or 0 when off. */
export function createManualSource(config: ManualConfig, deps: SourceDeps): EnergySource {
  const reading = (): EnergyReading => ({
    at: deps.now(),
    surplusW: config.surplusNow ? config.fixedBudgetW : 0,
    pricePerKwh: null,
    source: 'manual',
    ok: true,
    problem: null,
  });
  return {
    start(onReading) {
      onReading(reading());
    },
    stop: () => Promise.resolve(),
    readNow: () => Promise.resolve(reading()),
  };
}
