/**
 * What only the desktop shell knows about the machine. Electron implements it from
 * powerMonitor; the headless server does its best (no idle time, battery from /sys).
 */
export interface HostSignals {
  /** Seconds since the owner last used keyboard or mouse; null when unknown. */
  idleSeconds(): number | null;
  /** true on battery, false on mains, null when unknown. */
  onBattery(): boolean | null;
  /** Called when the shell notices a change (resume, lock, power source); returns unsubscribe. */
  onChange(listener: () => void): () => void;
}

export const headlessHost: HostSignals = {
  idleSeconds: () => null,
  onBattery: () => null,
  onChange: () => () => undefined,
};
