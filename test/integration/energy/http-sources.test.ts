import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EnergySourceConfigSchema,
  type EnergyReading,
  type EnergySourceConfig,
} from '../../../src/api/energy-schemas.js';
import { createHomeAssistantSource } from '../../../src/energy/sources/home-assistant-source.js';
import { createHttpJsonSource } from '../../../src/energy/sources/http-json-source.js';
import { waitFor } from '../../helpers/mosquitto.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

describe('HTTP JSON source against a local server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ server, base } = await serve((req, res) => {
      switch (req.url) {
        case '/good':
          return json(res, 200, { site: { gridPower: -512, tariffGrid: 0.28 } });
        case '/text':
          return json(res, 200, { site: { gridPower: 'unavailable' } });
        case '/absurd':
          return json(res, 200, { site: { gridPower: -9e12 } });
        case '/broken':
          return json(res, 200, '{"site":');
        case '/error':
          return json(res, 500, { error: 'boom' });
        case '/slow':
          setTimeout(() => json(res, 200, { site: { gridPower: -1 } }), 3000).unref();
          return;
        default:
          return json(res, 404, {});
      }
    }));
  });
  afterAll(() => close(server));

  const read = (path: string, extra: Record<string, unknown> = {}, timeoutMs = 1000) =>
    createHttpJsonSource(
      EnergySourceConfigSchema.parse({
        kind: 'httpJson',
        url: `${base}${path}`,
        fieldPath: 'site.gridPower',
        priceFieldPath: 'site.tariffGrid',
        ...extra,
      }) as Extract<EnergySourceConfig, { kind: 'httpJson' }>,
      { now: Date.now, timeoutMs },
    ).readNow!();

  it('reads grid power with the EVCC sign convention, and the price', async () => {
    expect(await read('/good')).toMatchObject({
      ok: true,
      surplusW: 512,
      pricePerKwh: '0.28',
      source: 'httpJson',
    });
    expect(await read('/good', { sign: 'surplusPositive' })).toMatchObject({
      ok: true,
      surplusW: -512,
    });
  });

  it('turns every kind of bad answer into a failed reading with a reason', async () => {
    const problem = async (path: string) => (await read(path)).problem?.key;
    expect(await problem('/text')).toBe('energy:problem.notANumber');
    expect(await problem('/absurd')).toBe('energy:problem.absurd');
    expect(await problem('/broken')).toBe('energy:problem.notJson');
    expect(await problem('/error')).toBe('energy:problem.httpStatus');
    expect(await problem('/slow')).toBe('energy:problem.timeout');
    const closed = await serve(() => undefined);
    const closedBase = closed.base;
    await close(closed.server);
    const unreachable = await createHttpJsonSource(
      EnergySourceConfigSchema.parse({
        kind: 'httpJson',
        url: `${closedBase}/x`,
        fieldPath: 'a',
      }) as Extract<EnergySourceConfig, { kind: 'httpJson' }>,
      { now: Date.now, timeoutMs: 1000 },
    ).readNow!();
    expect(unreachable).toMatchObject({
      ok: false,
      surplusW: null,
      problem: { key: 'energy:problem.unreachable' },
    });
  });

  it('polls on its interval until stopped', async () => {
    const readings: EnergyReading[] = [];
    const source = createHttpJsonSource(
      EnergySourceConfigSchema.parse({
        kind: 'httpJson',
        url: `${base}/good`,
        fieldPath: 'site.gridPower',
        pollIntervalS: 1,
      }) as Extract<EnergySourceConfig, { kind: 'httpJson' }>,
      { now: Date.now },
    );
    source.start((r) => readings.push(r));
    await waitFor(() => (readings.length >= 2 ? true : undefined), 5000, 'two polls');
    await source.stop();
    const count = readings.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(readings.length).toBe(count);
  });
});

describe('Home Assistant source against a fake Home Assistant', () => {
  const TOKEN = 'long-lived-token-abc';
  const states: Record<string, unknown> = {
    'sensor.grid_power': {
      entity_id: 'sensor.grid_power',
      state: '-0.85',
      attributes: { unit_of_measurement: 'kW' },
    },
    'sensor.export_w': {
      entity_id: 'sensor.export_w',
      state: '430',
      attributes: { unit_of_measurement: 'W' },
    },
    'sensor.offline': { entity_id: 'sensor.offline', state: 'unavailable', attributes: {} },
  };
  let server: Server;
  let base: string;
  const seenAuth: string[] = [];
  beforeAll(async () => {
    ({ server, base } = await serve((req, res) => {
      seenAuth.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== `Bearer ${TOKEN}`)
        return json(res, 401, { message: 'Unauthorized' });
      const match = /^\/api\/states\/([^/?]+)$/.exec(req.url ?? '');
      const state = match ? states[decodeURIComponent(match[1]!)] : undefined;
      if (state === undefined) return json(res, 404, { message: 'Entity not found.' });
      return json(res, 200, state);
    }));
  });
  afterAll(() => close(server));

  const read = (entityId: string, extra: Record<string, unknown> = {}) =>
    createHomeAssistantSource(
      EnergySourceConfigSchema.parse({
        kind: 'homeAssistant',
        baseUrl: `${base}/`,
        token: TOKEN,
        entityId,
        ...extra,
      }) as Extract<EnergySourceConfig, { kind: 'homeAssistant' }>,
      { now: Date.now, timeoutMs: 2000 },
    ).readNow!();

  it('reads a power entity in kW or W with the bearer token', async () => {
    expect(await read('sensor.grid_power')).toMatchObject({
      ok: true,
      surplusW: 850,
      source: 'homeAssistant',
    });
    expect(await read('sensor.export_w', { sign: 'surplusPositive' })).toMatchObject({
      ok: true,
      surplusW: 430,
    });
    expect(seenAuth).toContain(`Bearer ${TOKEN}`);
  });

  it('explains an unavailable entity, a missing entity and a bad token', async () => {
    expect((await read('sensor.offline')).problem?.key).toBe('energy:problem.entityUnavailable');
    expect((await read('sensor.nope')).problem?.key).toBe('energy:problem.entityNotFound');
    expect((await read('sensor.grid_power', { token: 'wrong' })).problem?.key).toBe(
      'energy:problem.unauthorized',
    );
  });
});
