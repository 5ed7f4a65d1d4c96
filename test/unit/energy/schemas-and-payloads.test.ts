import { describe, expect, it } from 'vitest';
import {
  CommunityConfigSchema,
  EnergyModeSchema,
  EnergySourceConfigSchema,
} from '../../../src/api/energy-schemas.js';
import en from '../../../src/api/locales/en/energy.js';
import id from '../../../src/api/locales/id/energy.js';
import {
  MemberStateSchema,
  SurplusMessageSchema,
  parseJsonPayload,
  parseMaxPowerSet,
  parseModeSet,
} from '../../../src/energy/mqtt-payloads.js';
import { nodeIdFromTopic } from '../../../src/energy/topics.js';

type Tree = { readonly [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('energy settings schemas', () => {
  it('fills EVCC-like defaults', () => {
    expect(EnergyModeSchema.parse({})).toEqual({
      mode: 'off',
      minUsefulW: 100,
      floorW: 100,
      startThresholdW: 0,
      startDelayS: 60,
      stopDelayS: 180,
      residualW: 0,
      priceLimit: null,
      smoothingS: 30,
    });
    expect(
      EnergySourceConfigSchema.parse({
        kind: 'httpJson',
        url: 'http://evcc.local:7070/api/state',
        fieldPath: 'site.gridPower',
      }),
    ).toMatchObject({ sign: 'exportNegative', pollIntervalS: 10 });
    expect(
      EnergySourceConfigSchema.parse({
        kind: 'mqtt',
        brokerUrl: 'mqtt://10.0.0.2',
        topic: 'evcc/site/gridPower',
      }),
    ).toMatchObject({ fieldPath: '', tls: { rejectUnauthorized: true }, staleAfterS: 60 });
    expect(EnergySourceConfigSchema.parse({ kind: 'manual' })).toEqual({
      kind: 'manual',
      surplusNow: false,
      fixedBudgetW: null,
    });
  });

  it('refuses bad addresses, topics and prices with message keys', () => {
    const bad = [
      { kind: 'httpJson', url: 'ftp://x', fieldPath: 'a' },
      { kind: 'httpJson', url: 'http://x', fieldPath: 'a..b' },
      { kind: 'mqtt', brokerUrl: 'http://x', topic: 't' },
      { kind: 'mqtt', brokerUrl: 'mqtt://x', topic: 'a/#' },
      { kind: 'homeAssistant', baseUrl: 'http://ha:8123', token: 't', entityId: 'Grid Power' },
      { kind: 'solarPanel' },
    ];
    for (const b of bad)
      expect(EnergySourceConfigSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    const price = EnergyModeSchema.safeParse({ priceLimit: '0,15' });
    expect(price.success).toBe(false);
    if (!price.success) expect(price.error.issues[0]?.message).toBe('energy:error.invalidPrice');
    expect(
      CommunityConfigSchema.safeParse({ brokerUrl: 'mqtt://x', communityId: 'desa/1', nodeId: 'a' })
        .success,
    ).toBe(false);
  });

  it('has the same message keys in English and Bahasa Indonesia', () => {
    expect(keys(id as Tree).sort()).toEqual(keys(en as Tree).sort());
  });
});

describe('MQTT payloads', () => {
  it('parses mode commands, plain or JSON', () => {
    expect(parseModeSet('solar')).toEqual({ ok: true, value: 'solar' });
    expect(parseModeSet(Buffer.from('"minSolar"\n'))).toEqual({ ok: true, value: 'minSolar' });
    expect(parseModeSet('turbo').ok).toBe(false);
    expect(parseModeSet('{"mode":"solar"}').ok).toBe(false);
  });

  it('parses power limits and refuses nonsense', () => {
    expect(parseMaxPowerSet('250')).toEqual({ ok: true, value: 250 });
    expect(parseMaxPowerSet(' 1.5e2 ')).toEqual({ ok: true, value: 150 });
    expect(parseMaxPowerSet('')).toEqual({ ok: true, value: null });
    expect(parseMaxPowerSet('null')).toEqual({ ok: true, value: null });
    for (const bad of ['-5', 'abc', '1e9', 'NaN', '12 W'])
      expect(parseMaxPowerSet(bad).ok, bad).toBe(false);
  });

  it('validates member state and surplus messages', () => {
    expect(
      parseJsonPayload('{"online":true,"wantW":300,"minW":100,"at":1}', MemberStateSchema).ok,
    ).toBe(true);
    expect(parseJsonPayload('{"online":false}', MemberStateSchema).ok).toBe(true);
    expect(
      parseJsonPayload('{"online":true,"wantW":-1,"minW":0,"at":1}', MemberStateSchema).ok,
    ).toBe(false);
    expect(parseJsonPayload('not json', SurplusMessageSchema)).toEqual({
      ok: false,
      reason: 'payload is not JSON',
    });
    expect(parseJsonPayload('{"surplusW":1200,"at":5}', SurplusMessageSchema)).toEqual({
      ok: true,
      value: { surplusW: 1200, at: 5 },
    });
  });

  it('reads node ids from topics', () => {
    expect(nodeIdFromTopic('desa', 'lumbung/desa/nodes/rumah-1')).toBe('rumah-1');
    expect(nodeIdFromTopic('desa', 'lumbung/other/nodes/rumah-1')).toBeNull();
    expect(nodeIdFromTopic('desa', 'lumbung/desa/nodes/a/b')).toBeNull();
  });
});
