import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EnergySourceConfigSchema,
  type EnergyReading,
  type EnergySourceConfig,
} from '../../../src/api/energy-schemas.js';
import { EnergyModeSchema } from '../../../src/api/energy-schemas.js';
import { createEnergyService } from '../../../src/energy/energy-service.js';
import { createMqttSource } from '../../../src/energy/sources/mqtt-source.js';
import { startMosquitto, waitFor, type TestMosquitto } from '../../helpers/mosquitto.js';

type MqttConfig = Extract<EnergySourceConfig, { kind: 'mqtt' }>;
const mqttConfig = (raw: Record<string, unknown>) =>
  EnergySourceConfigSchema.parse({ kind: 'mqtt', ...raw }) as MqttConfig;

let open: TestMosquitto;
let secured: TestMosquitto;

beforeAll(async () => {
  [open, secured] = await Promise.all([
    startMosquitto(),
    startMosquitto({ users: { koperasi: 'surya-2024' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), secured?.stop()]);
});

async function publisher(url: string, auth: { username?: string; password?: string } = {}) {
  return mqtt.connectAsync(url, { ...auth, reconnectPeriod: 0 });
}

describe('MQTT energy source (real mosquitto)', () => {
  it('reads values as they are published, then reports the meter as stale when it goes quiet', async () => {
    const readings: EnergyReading[] = [];
    const source = createMqttSource(
      mqttConfig({ brokerUrl: open.url, topic: 'meter/grid', fieldPath: 'power', staleAfterS: 1 }),
      { now: Date.now },
    );
    source.start((r) => readings.push(r));
    const pub = await publisher(open.url);
    try {
      // Publish until the subscription is live (mosquitto drops messages nobody subscribes to yet).
      await waitFor(
        () => {
          void pub.publishAsync('meter/grid', JSON.stringify({ power: -750 }));
          return readings.find((r) => r.ok) ?? undefined;
        },
        10_000,
        'first reading',
      );
      await pub.publishAsync('meter/grid', JSON.stringify({ power: 'n/a' }));
      await pub.publishAsync('meter/grid', JSON.stringify({ power: 5e9 }));
      const good = readings.find((r) => r.ok)!;
      expect(good).toMatchObject({ surplusW: 750, source: 'mqtt', problem: null });
      await waitFor(
        () => readings.find((r) => r.problem?.key === 'energy:problem.absurd'),
        5000,
        'absurd reading',
      );
      expect(readings.some((r) => r.problem?.key === 'energy:problem.notANumber')).toBe(true);
      // The meter stops: silence beyond staleAfterS becomes a failed reading.
      const stale = await waitFor(
        () => readings.find((r) => r.problem?.key === 'energy:problem.stale'),
        10_000,
        'stale reading',
      );
      expect(stale).toMatchObject({ ok: false, surplusW: null });
    } finally {
      await pub.endAsync();
      await source.stop();
    }
  });

  it('logs in with a password, and says so clearly when the password is wrong', async () => {
    const readings: EnergyReading[] = [];
    const good = createMqttSource(
      mqttConfig({
        brokerUrl: secured.url,
        topic: 'evcc/site/gridPower',
        username: 'koperasi',
        password: 'surya-2024',
      }),
      { now: Date.now },
    );
    good.start((r) => readings.push(r));
    const pub = await publisher(secured.url, { username: 'koperasi', password: 'surya-2024' });
    try {
      // Retained, as EVCC publishes: a late subscriber still gets the value.
      await pub.publishAsync('evcc/site/gridPower', '-1200', { retain: true });
      const r = await waitFor(() => readings.find((x) => x.ok), 10_000, 'authenticated reading');
      expect(r.surplusW).toBe(1200);
    } finally {
      await pub.endAsync();
      await good.stop();
    }

    const refused: EnergyReading[] = [];
    const bad = createMqttSource(
      mqttConfig({
        brokerUrl: secured.url,
        topic: 'evcc/site/gridPower',
        username: 'koperasi',
        password: 'wrong',
      }),
      { now: Date.now },
    );
    bad.start((r) => refused.push(r));
    try {
      const r = await waitFor(() => refused[0], 10_000, 'refusal');
      expect(r).toMatchObject({ ok: false, problem: { key: 'energy:problem.brokerRefused' } });
    } finally {
      await bad.stop();
    }
  });

  it('reports an unreachable broker', async () => {
    const readings: EnergyReading[] = [];
    const down = await startMosquitto();
    const url = down.url;
    await down.stop();
    const source = createMqttSource(mqttConfig({ brokerUrl: url, topic: 't', staleAfterS: 1 }), {
      now: Date.now,
    });
    source.start((r) => readings.push(r));
    try {
      const r = await waitFor(() => readings[0], 10_000, 'failure');
      expect(r.ok).toBe(false);
      expect(r.problem?.key).toBe('energy:problem.brokerUnreachable');
    } finally {
      await source.stop();
    }
  });

  it('the service runs on the surplus and falls back to budget 0 when the meter goes quiet', async () => {
    const service = createEnergyService({
      config: mqttConfig({ brokerUrl: open.url, topic: 'site/grid', staleAfterS: 1 }),
      mode: EnergyModeSchema.parse({
        mode: 'solar',
        startDelayS: 0,
        smoothingS: 0,
        minUsefulW: 100,
      }),
      tickMs: 100,
    });
    const pub = await publisher(open.url);
    try {
      await waitFor(
        () => {
          void pub.publishAsync('site/grid', '-640');
          return service.budget() === 640 ? true : undefined;
        },
        10_000,
        'budget from the meter',
      );
      expect(service.status()).toMatchObject({
        running: true,
        headline: { key: 'energy:headline.runningOnSurplus' },
      });
      await waitFor(() => (service.budget() === 0 ? true : undefined), 10_000, 'fail-safe budget');
      expect(service.status().running).toBe(false);
    } finally {
      await pub.endAsync();
      await service.stop();
    }
  });
});
