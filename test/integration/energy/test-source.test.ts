import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnergySource } from '../../../src/energy/test-source.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/meter') res.end(JSON.stringify({ site: { gridPower: -640 } }));
    else if (req.url === '/garbage') res.end('{"site": {"gridPower": "lots"}}');
    else res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('“Test connection” for an energy source', () => {
  it('returns one good reading with the owner’s sign convention', async () => {
    const reading = await testEnergySource({
      kind: 'httpJson',
      url: `${base}/meter`,
      fieldPath: 'site.gridPower',
      sign: 'exportNegative',
      pollIntervalS: 10,
    });
    expect(reading.ok).toBe(true);
    expect(reading.surplusW).toBe(640);
  });

  it('explains a garbage value and an unreachable source in words', async () => {
    const garbage = await testEnergySource({
      kind: 'httpJson',
      url: `${base}/garbage`,
      fieldPath: 'site.gridPower',
      sign: 'exportNegative',
      pollIntervalS: 10,
    });
    expect(garbage.ok).toBe(false);
    expect(garbage.problem?.key).toMatch(/^energy:/);
    const unreachable = await testEnergySource({
      kind: 'httpJson',
      url: 'http://127.0.0.1:9/meter',
      fieldPath: 'site.gridPower',
      sign: 'exportNegative',
      pollIntervalS: 10,
    });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.problem?.key).toMatch(/^energy:/);
    const none = await testEnergySource({ kind: 'none' });
    expect(none.problem?.key).toBe('energy:test.noSource');
  });
});
