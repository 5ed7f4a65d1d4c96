import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type StartedNode } from '../../../src/node/index.js';
import { startMosquitto, type TestMosquitto } from '../../helpers/mosquitto.js';
import { until as waitUntil } from '../../helpers/until.js';

const until = <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000) =>
  waitUntil(what, probe, timeoutMs);

let broker: TestMosquitto;
let node: StartedNode;

beforeAll(async () => {
  broker = await startMosquitto();
  node = await startNode({
    dataDir: await mkdtemp(join(tmpdir(), 'lumbung-energy-node-')),
    shell: 'headless',
    network: { kind: 'none' },
    gpu: {
      systeminformation: false,
      tools: { nvidiaSmi: '/nonexistent', rocmSmi: '/nonexistent' },
    },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await node?.stop();
  await broker?.stop();
});

describe('a real node as a controllable load over MQTT', () => {
  it('follows mode/set and maxPowerW/set and publishes its state', async () => {
    await node.api['settings.update']({
      policy: { schedule: { preset: 'always', spans: [] } },
      energy: {
        source: { kind: 'manual', surplusNow: true, fixedBudgetW: 400 },
        control: {
          brokerUrl: broker.url,
          enabled: true,
          nodeId: 'rina-pc',
          tls: { rejectUnauthorized: true },
        },
      },
    });
    const client = await mqtt.connectAsync(broker.url);
    const states: unknown[] = [];
    await client.subscribeAsync('lumbung/rina-pc/state');
    client.on('message', (_topic, payload) => states.push(JSON.parse(payload.toString())));

    await until('the node to listen', async () => (states.length > 0 ? true : null));
    await client.publishAsync('lumbung/rina-pc/mode/set', 'solar');
    const settings = await until('mode solar in settings', async () => {
      const s = await node.api['settings.get'](undefined);
      return s.energy.mode.mode === 'solar' ? s : null;
    });
    expect(settings.energy.source.kind).toBe('manual');
    await until('energy status in solar mode', async () => {
      const e = await node.api['energy.status'](undefined);
      return e.mode === 'solar' ? e : null;
    });

    await client.publishAsync('lumbung/rina-pc/maxPowerW/set', '150');
    const capped = await until('max power applied', async () => {
      const e = await node.api['energy.status'](undefined);
      return e.maxPowerW === 150 ? e : null;
    });
    expect(capped.maxPowerW).toBe(150);

    // Garbage is ignored and changes nothing.
    await client.publishAsync('lumbung/rina-pc/mode/set', 'turbo');
    await client.publishAsync('lumbung/rina-pc/maxPowerW/set', '{"watts":"lots"}');
    await new Promise((r) => setTimeout(r, 500));
    expect((await node.api['settings.get'](undefined)).energy.mode.mode).toBe('solar');
    expect((await node.api['energy.status'](undefined)).maxPowerW).toBe(150);

    await client.publishAsync('lumbung/rina-pc/mode/set', 'off');
    await until('mode off', async () => {
      const s = await node.api['settings.get'](undefined);
      return s.energy.mode.mode === 'off' ? s : null;
    });
    expect(states.length).toBeGreaterThan(0);
    await client.endAsync();
  }, 60_000);
});
