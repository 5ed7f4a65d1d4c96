import { describe, expect, it } from 'vitest';
import { createElectronHostSignals, POWER_MONITOR_EVENTS } from '../../../main/host-signals.js';
import { FakeEmitter } from './fake-electron.js';

function fakePowerMonitor(idle: () => number, battery: () => boolean) {
  return Object.assign(new FakeEmitter(), { getSystemIdleTime: idle, isOnBatteryPower: battery });
}

describe('createElectronHostSignals', () => {
  it('reports idle seconds and power source from powerMonitor', () => {
    const host = createElectronHostSignals(
      fakePowerMonitor(
        () => 125,
        () => true,
      ),
    );
    expect(host.idleSeconds()).toBe(125);
    expect(host.onBattery()).toBe(true);
  });

  it('says "unknown" (null) instead of throwing or passing on nonsense', () => {
    const broken = createElectronHostSignals(
      fakePowerMonitor(
        () => {
          throw new Error('not ready');
        },
        () => {
          throw new Error('not ready');
        },
      ),
    );
    expect(broken.idleSeconds()).toBeNull();
    expect(broken.onBattery()).toBeNull();
    expect(
      createElectronHostSignals(
        fakePowerMonitor(
          () => -1,
          () => false,
        ),
      ).idleSeconds(),
    ).toBeNull();
    expect(
      createElectronHostSignals(
        fakePowerMonitor(
          () => Number.NaN,
          () => false,
        ),
      ).idleSeconds(),
    ).toBeNull();
  });

  it('calls back on power, sleep, lock and activity changes, until unsubscribed', () => {
    const monitor = fakePowerMonitor(
      () => 0,
      () => false,
    );
    const host = createElectronHostSignals(monitor);
    let changes = 0;
    const off = host.onChange(() => changes++);
    for (const event of POWER_MONITOR_EVENTS) monitor.emit(event);
    expect(changes).toBe(POWER_MONITOR_EVENTS.length);
    expect(POWER_MONITOR_EVENTS).toEqual(
      expect.arrayContaining(['on-ac', 'on-battery', 'resume', 'lock-screen']),
    );
    off();
    for (const event of POWER_MONITOR_EVENTS) expect(monitor.count(event)).toBe(0);
    monitor.emit('on-battery');
    expect(changes).toBe(POWER_MONITOR_EVENTS.length);
  });
});
