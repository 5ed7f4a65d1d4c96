import type { EnergyReading } from '../../api/energy-schemas.js';
import type { EnergySource } from './source.js';

/**
 * Polls `readOnce` every `intervalMs`, one request at a time: a slow server delays the next
 * poll rather than piling requests up.
 */
export function createPollingSource(
  readOnce: () => Promise<EnergyReading>,
  intervalMs: number,
): EnergySource {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const loop = (onReading: (r: EnergyReading) => void): void => {
    // Sources turn every failure into a reading; a throw here is a bug, not a reason to stop.
    const run = readOnce().then(
      (reading) => {
        if (!stopped) onReading(reading);
      },
      () => undefined,
    );
    inFlight = run;
    void run.finally(() => {
      if (!stopped) timer = setTimeout(() => loop(onReading), intervalMs);
    });
  };

  return {
    start(onReading) {
      stopped = false;
      loop(onReading);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await inFlight.catch(() => undefined);
    },
    readNow: readOnce,
  };
}
