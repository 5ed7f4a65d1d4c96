import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunityConfigSchema, EnergyModeSchema } from '../../../src/api/energy-schemas.js';
import { joinCommunity, type Community } from '../../../src/energy/community.js';
import { createEnergyService } from '../../../src/energy/energy-service.js';
import { startMosquitto, waitFor, type TestMosquitto } from '../../helpers/mosquitto.js';

let broker: TestMosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

const config = (communityId: string, nodeId: string) =>
  CommunityConfigSchema.parse({ enabled: true, brokerUrl: broker.url, communityId, nodeId });

async function announceSurplus(communityId: string, surplusW: number) {
  const grid = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  await grid.publishAsync(
    `lumbung/${communityId}/surplus`,
    JSON.stringify({ surplusW, at: Date.now() }),
    {
      retain: true,
      qos: 1,
    },
  );
  await grid.endAsync();
}

describe('community fair share (real mosquitto, 3 nodes)', () => {
  it('converges on the same split, and re-splits when a node dies', async () => {
    const logs: string[] = [];
    const wants = { rumah1: 200, rumah2: 600, rumah3: 600 } as const;
    const nodes = new Map<string, Community>();
    for (const [id, wantW] of Object.entries(wants)) {
      nodes.set(
        id,
        joinCommunity(config('desa', id), {
          now: Date.now,
          wants: { wantW, minW: 100 },
          log: (l) => logs.push(l),
        }),
      );
    }
    try {
      await announceSurplus('desa', 1000);
      const expected = { rumah1: 200, rumah2: 400, rumah3: 400 };
      await waitFor(
        () =>
          [...nodes.values()].every(
            (n) => JSON.stringify(n.view().shares) === JSON.stringify(expected),
          )
            ? true
            : undefined,
        10_000,
        'three nodes to agree',
      );
      for (const [id, node] of nodes) {
        expect(node.view()).toMatchObject({
          members: 3,
          myShareW: expected[id as keyof typeof expected],
          totalSurplusW: 1000,
          problem: null,
        });
      }

      // rumah3's connection drops without a goodbye: its last will takes it out of the split.
      await nodes.get('rumah3')!.stop({ announce: false });
      nodes.delete('rumah3');
      const after = { rumah1: 200, rumah2: 600 };
      await waitFor(
        () =>
          [...nodes.values()].every(
            (n) => JSON.stringify(n.view().shares) === JSON.stringify(after),
          )
            ? true
            : undefined,
        15_000,
        'the survivors to re-split',
      );
      expect(nodes.get('rumah2')!.view().members).toBe(2);

      // A bad surplus message is ignored with a logged reason, the split stays.
      const grid = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
      await grid.publishAsync('lumbung/desa/surplus', '{"surplusW":"lots"}', { qos: 1 });
      await grid.endAsync();
      await waitFor(() => logs.find((l) => l.includes('ignored surplus')), 5000, 'log line');
      expect(nodes.get('rumah1')!.view().myShareW).toBe(200);
    } finally {
      await Promise.all([...nodes.values()].map((n) => n.stop()));
    }
  });

  it('a node whose community share is its energy budget', async () => {
    await announceSurplus('kampung', 900);
    const other = joinCommunity(config('kampung', 'tetangga'), {
      now: Date.now,
      wants: { wantW: 1000, minW: 100 },
    });
    const service = createEnergyService({
      config: { kind: 'none' },
      mode: EnergyModeSchema.parse({
        mode: 'solar',
        startDelayS: 0,
        smoothingS: 0,
        minUsefulW: 100,
      }),
      community: CommunityConfigSchema.parse({ ...config('kampung', 'saya'), wantW: 1000 }),
      tickMs: 100,
    });
    try {
      await waitFor(
        () => (service.budget() === 450 ? true : undefined),
        10_000,
        'budget = half the surplus',
      );
      expect(service.status()).toMatchObject({
        running: true,
        community: { members: 2, myShareW: 450, totalSurplusW: 900 },
        reading: { source: 'community', ok: true, surplusW: 450 },
      });
    } finally {
      await service.stop();
      await other.stop();
    }
  });
});
