import type { EnergyReading } from '../../api/energy-schemas.js';

/**
 * One place power readings come from. A source never throws at its caller: every failure
 * (unreachable, refused, stale, garbage) arrives as a reading with ok=false and a reason.
 */
export interface EnergySource {
  /** Begin reading; `onReading` is called for every reading, good or failed. */
  start(onReading: (reading: EnergyReading) => void): void;
  /** Stop all timers and connections; safe to call twice. */
  stop(): Promise<void>;
  /** One reading now, outside the schedule (pollers only). */
  readNow?(): Promise<EnergyReading>;
}

export interface SourceDeps {
  now: () => number;
}
