import type { HostSignals } from '../src/platform/host.js';

/** The part of Electron's powerMonitor used here (it works only after app 'ready'). */
export interface PowerMonitorLike {
  getSystemIdleTime(): number;
  isOnBatteryPower(): boolean;
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/** Moments after which idle time or power source may have changed; the core re-decides. */
export const POWER_MONITOR_EVENTS = [
  'on-ac',
  'on-battery',
  'suspend',
  'resume',
  'lock-screen',
  'unlock-screen',
  'user-did-become-active',
  'user-did-resign-active',
] as const;

/** HostSignals from Electron: real idle time and power source, which plain Node lacks. */
export function createElectronHostSignals(powerMonitor: PowerMonitorLike): HostSignals {
  return {
    idleSeconds() {
      try {
        const seconds = powerMonitor.getSystemIdleTime();
        return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
      } catch {
        return null;
      }
    },
    onBattery() {
      try {
        return powerMonitor.isOnBatteryPower();
      } catch {
        return null;
      }
    },
    onChange(listener) {
      const notify = () => listener();
      for (const event of POWER_MONITOR_EVENTS) powerMonitor.on(event, notify);
      return () => {
        for (const event of POWER_MONITOR_EVENTS) powerMonitor.removeListener(event, notify);
      };
    },
  };
}
