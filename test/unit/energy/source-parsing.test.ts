import { describe, expect, it } from 'vitest';
import {
  EnergySourceConfigSchema,
  type EnergySourceConfig,
} from '../../../src/api/energy-schemas.js';
import { readingFromHaState } from '../../../src/energy/sources/home-assistant-source.js';
import { readingFromDocument } from '../../../src/energy/sources/http-json-source.js';
import { readingFromPayload } from '../../../src/energy/sources/mqtt-source.js';

function config<K extends EnergySourceConfig['kind']>(raw: { kind: K } & Record<string, unknown>) {
  return EnergySourceConfigSchema.parse(raw) as Extract<EnergySourceConfig, { kind: K }>;
}

describe('readings from source documents', () => {
  it('HTTP JSON: EVCC state with grid power and price', () => {
    const c = config({
      kind: 'httpJson',
      url: 'http://evcc',
      fieldPath: 'site.gridPower',
      priceFieldPath: 'site.tariffGrid',
    });
    expect(readingFromDocument({ site: { gridPower: -640, tariffGrid: 0.31 } }, c, 7)).toEqual({
      at: 7,
      surplusW: 640,
      pricePerKwh: '0.31',
      source: 'httpJson',
      ok: true,
      problem: null,
    });
    expect(readingFromDocument({ site: {} }, c, 7)).toMatchObject({
      ok: false,
      surplusW: null,
      problem: { key: 'energy:problem.fieldMissing', values: { path: 'site.gridPower' } },
    });
  });

  it('MQTT: a bare number or a JSON field', () => {
    const bare = config({
      kind: 'mqtt',
      brokerUrl: 'mqtt://x',
      topic: 't',
      sign: 'surplusPositive',
    });
    expect(readingFromPayload(Buffer.from('812.5'), bare, 1)).toMatchObject({
      ok: true,
      surplusW: 812.5,
    });
    expect(readingFromPayload(Buffer.from('offline'), bare, 1)).toMatchObject({ ok: false });
    const json = config({
      kind: 'mqtt',
      brokerUrl: 'mqtt://x',
      topic: 't',
      fieldPath: 'ENERGY.Power',
    });
    expect(readingFromPayload('{"ENERGY":{"Power":-90}}', json, 1)).toMatchObject({
      ok: true,
      surplusW: 90,
    });
    expect(readingFromPayload('{"ENERGY":', json, 1)).toMatchObject({
      ok: false,
      problem: { key: 'energy:problem.notJson' },
    });
  });

  it('Home Assistant: W and kW, unavailable, wrong units', () => {
    const c = config({
      kind: 'homeAssistant',
      baseUrl: 'http://ha:8123',
      token: 't',
      entityId: 'sensor.grid_power',
    });
    const state = (s: string, unit?: string) => ({
      entity_id: 'sensor.grid_power',
      state: s,
      attributes: unit === undefined ? {} : { unit_of_measurement: unit, friendly_name: 'Grid' },
    });
    expect(readingFromHaState(state('-1.2', 'kW'), c, 1)).toMatchObject({
      ok: true,
      surplusW: 1200,
    });
    expect(readingFromHaState(state('350', 'W'), c, 1)).toMatchObject({ ok: true, surplusW: -350 });
    expect(readingFromHaState(state('350'), c, 1)).toMatchObject({ ok: true, surplusW: -350 });
    expect(readingFromHaState(state('unavailable', 'W'), c, 1)).toMatchObject({
      ok: false,
      problem: { key: 'energy:problem.entityUnavailable' },
    });
    expect(readingFromHaState(state('3', 'kWh'), c, 1)).toMatchObject({
      ok: false,
      problem: { key: 'energy:problem.badUnit' },
    });
    expect(readingFromHaState({ nope: 1 }, c, 1)).toMatchObject({
      ok: false,
      problem: { key: 'energy:problem.badAnswer' },
    });
  });
});
