import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ControllableLoadConfigSchema,
  EnergyModeSchema,
  type EnergyModeName,
} from '../../../src/api/energy-schemas.js';
import { createEnergyService } from '../../../src/energy/energy-service.js';
import { LoadStateSchema, type LoadState } from '../../../src/energy/mqtt-payloads.js';
import { startMosquitto, waitFor, type TestMosquitto } from '../../helpers/mosquitto.js';

let broker: TestMosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

describe('controllable load (real mosquitto)', () => {
  it('takes mode and power-limit commands, ignores bad ones, publishes its state', async () => {
    // An old retained command from before the node started must not be replayed as an order.
    const earlier = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    await earlier.publishAsync('lumbung/pc-rina/mode/set', 'minSolar', { retain: true, qos: 1 });
    await earlier.endAsync();
    const modeRequests: EnergyModeName[] = [];
    const logs: string[] = [];
    const service = createEnergyService({
      config: { kind: 'manual', surplusNow: true, fixedBudgetW: 400 },
      mode: EnergyModeSchema.parse({ mode: 'solar' }),
      control: ControllableLoadConfigSchema.parse({
        enabled: true,
        brokerUrl: broker.url,
        nodeId: 'pc-rina',
      }),
      onModeRequest: (m) => modeRequests.push(m),
      log: (l) => logs.push(l),
    });
    const states: LoadState[] = [];
    const home = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    home.on('message', (_t, payload) =>
      states.push(LoadStateSchema.parse(JSON.parse(payload.toString()))),
    );
    await home.subscribeAsync('lumbung/pc-rina/state');
    try {
      // The retained state is there for anyone who subscribes.
      await waitFor(() => states.find((s) => s.budgetW === 400), 10_000, 'initial state');
      expect(states.at(-1)).toMatchObject({ mode: 'solar', running: true, maxPowerW: null });

      await waitFor(
        () => {
          void home.publishAsync('lumbung/pc-rina/maxPowerW/set', '150');
          return service.status().maxPowerW === 150 ? true : undefined;
        },
        10_000,
        'power limit',
      );
      expect(service.budget()).toBe(150);
      await waitFor(
        () => states.find((s) => s.maxPowerW === 150 && s.budgetW === 150),
        5000,
        'state with limit',
      );

      await home.publishAsync('lumbung/pc-rina/mode/set', 'turbo');
      await home.publishAsync('lumbung/pc-rina/maxPowerW/set', '{"x":');
      await home.publishAsync('lumbung/pc-rina/mode/set', '"off"');
      await waitFor(() => (modeRequests.includes('off') ? true : undefined), 5000, 'mode change');
      expect(modeRequests).toEqual(['off']);
      expect(service.status().mode).toBe('off');
      expect(logs.some((l) => l.includes('unknown mode'))).toBe(true);
      expect(logs.some((l) => l.includes('not a number'))).toBe(true);
      expect(logs.some((l) => l.includes('ignored retained'))).toBe(true);
      // Off: no energy constraint, but the external limit still holds.
      expect(service.budget()).toBe(150);
      await waitFor(() => states.find((s) => s.mode === 'off'), 5000, 'state in off mode');

      await home.publishAsync('lumbung/pc-rina/maxPowerW/set', '');
      await waitFor(() => (service.budget() === null ? true : undefined), 5000, 'limit cleared');
    } finally {
      await home.publishAsync('lumbung/pc-rina/mode/set', '', { retain: true });
      await home.endAsync();
      await service.stop();
    }
  });
});
