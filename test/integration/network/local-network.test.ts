import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyTypedData } from 'ethers';
import type { OfferFrame, VoucherFrame } from '../../../src/api/protocol-schemas.js';
import { VOUCHER_TYPES, voucherDomain } from '../../../src/network/chain/voucher.js';
import { ProtocolClient } from '../../../src/network/client.js';
import type { Completion } from '../../../src/network/adapter.js';
import { startLocalNetwork } from '../../../src/network/local/coordinator.js';
import type { LocalNetwork, LocalNetworkOptions } from '../../../src/network/local/coordinator.js';
import { hashChain } from '../../../src/network/local/sample-job.js';
import { billingTermsOf } from '../../../src/network/pricing.js';
import { CAPABILITIES, makeIdentity, nextEvent, tempDir, until } from './fixtures.js';

const PRICE = 10n ** 18n;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function network(
  dataDir: string,
  extra: Partial<LocalNetworkOptions> = {},
): Promise<LocalNetwork> {
  const net = await startLocalNetwork({
    dataDir,
    offerIntervalMs: 100,
    jobSize: 50,
    heartbeatIntervalS: 1,
    pricePerHour: PRICE,
    ...extra,
  });
  cleanups.push(() => net.stop());
  return net;
}

async function connectedClient(url: string, dir: string) {
  const identity = await makeIdentity();
  const client = new ProtocolClient({
    url,
    outboxPath: join(dir, 'outbox.jsonl'),
    backoff: { baseMs: 50, maxMs: 400 },
    resendIntervalMs: 500,
  });
  cleanups.push(() => client.close());
  await client.connect(identity, CAPABILITIES);
  return { client, identity };
}

/** What the sample container would write, computed with the coordinator's own function. */
function completionFor(offer: OfferFrame, result: string, runningS = 90): Completion {
  const env = offer.job.env as Record<string, string>;
  expect(hashChain(env.SEED!, Number(env.ROUNDS))).toHaveLength(64);
  return {
    jobId: offer.job.id,
    resultsSha256: createHash('sha256').update(result).digest('hex'),
    metering: { runningS, pausedS: 0, gpuS: 0 },
    energyWh: null,
    outputs: [{ path: 'result.txt', base64: Buffer.from(result).toString('base64') }],
    terms: billingTermsOf(offer)!,
  };
}

function rightResult(offer: OfferFrame): string {
  const env = offer.job.env as Record<string, string>;
  return hashChain(env.SEED!, Number(env.ROUNDS));
}

async function takeOffer(client: ProtocolClient): Promise<OfferFrame> {
  const offered = nextEvent(client, 'offer');
  client.heartbeat({ state: 'ready', jobId: null, metering: { runningS: 0, pausedS: 0, gpuS: 0 } });
  const offer = await offered;
  client.accept(offer.job.id);
  client.heartbeat({
    state: 'running',
    jobId: offer.job.id,
    metering: { runningS: 0, pausedS: 0, gpuS: 0 },
  });
  return offer;
}

function voucherSigner(v: VoucherFrame): string {
  return verifyTypedData(
    voucherDomain(v.chainId, v.vault),
    VOUCHER_TYPES,
    {
      node: v.node,
      payout: v.payout,
      cumulative: BigInt(v.cumulative),
      nonce: BigInt(v.nonce),
      deadline: BigInt(v.deadline),
    },
    v.signature,
  );
}

describe('protocol client against the local reference network', () => {
  it('registers, runs offered jobs and is paid with increasing, payer-signed vouchers', async () => {
    const dir = await tempDir('net');
    const net = await network(join(dir, 'coord'));
    const { client, identity } = await connectedClient(net.url, dir);

    const vouchers: VoucherFrame[] = [];
    client.on('voucher', (v) => vouchers.push(v));
    for (let round = 1; round <= 2; round += 1) {
      const offer = await takeOffer(client);
      expect(offer.job.image).toMatch(/@sha256:[0-9a-f]{64}$/);
      const credited = nextEvent(client, 'credit', (c) => c.jobId === offer.job.id);
      const voucher = nextEvent(
        client,
        'voucher',
        (v) => BigInt(v.cumulative) === (PRICE * 90n * BigInt(round)) / 3600n,
      );
      await client.complete(completionFor(offer, rightResult(offer)));
      const credit = await credited;
      expect(credit).toMatchObject({ verified: true, amount: ((PRICE * 90n) / 3600n).toString() });
      const v = await voucher;
      expect(v.node).toBe(identity.deviceAddress);
      expect(v.payout).toBe(identity.payoutAddress);
      expect(voucherSigner(v)).toBe(net.payerAddress);
    }
    const cumulatives = vouchers.map((v) => BigInt(v.cumulative));
    expect(cumulatives.length).toBeGreaterThanOrEqual(2);
    expect(cumulatives.at(-1)).toBe((2n * PRICE * 90n) / 3600n);
    for (let i = 1; i < cumulatives.length; i += 1)
      expect(cumulatives[i]! >= cumulatives[i - 1]!).toBe(true);
    await until(() => client.pending().length === 0, 5_000, 'outbox drained');
  });

  it('does not pay for a wrong result', async () => {
    const dir = await tempDir('net');
    const net = await network(join(dir, 'coord'));
    const { client, identity } = await connectedClient(net.url, dir);
    const offer = await takeOffer(client);
    const credited = nextEvent(client, 'credit', (c) => c.jobId === offer.job.id);
    await client.complete(completionFor(offer, 'f'.repeat(64)));
    expect(await credited).toMatchObject({ verified: false, amount: '0' });
    const node = net.snapshot().nodes[identity.deviceAddress.toLowerCase()]!;
    expect(node.cumulative).toBe('0');
    expect(net.snapshot().jobs[offer.job.id]!.state).toBe('rejected');
  });

  it('credits a completion held in the outbox across a coordinator restart exactly once', async () => {
    const dir = await tempDir('net');
    const dataDir = join(dir, 'coord');
    const first = await network(dataDir);
    const { client, identity } = await connectedClient(first.url, dir);
    const offer = await takeOffer(client);
    await until(
      () => first.snapshot().jobs[offer.job.id]?.state === 'accepted',
      5_000,
      'accept recorded',
    );

    const gone = nextEvent(client, 'connection', (c) => c.state === 'disconnected');
    await first.stop();
    await gone;
    await client.complete(completionFor(offer, rightResult(offer)));
    expect(client.pending().map((f) => f.jobId)).toEqual([offer.job.id]);

    const acked = nextEvent(client, 'ack', (a) => a.jobId === offer.job.id);
    const second = await network(dataDir, { port: first.port });
    await acked;
    expect(client.pending()).toEqual([]);
    const amount = (PRICE * 90n) / 3600n;
    const key = identity.deviceAddress.toLowerCase();
    expect(second.snapshot().nodes[key]!.cumulative).toBe(amount.toString());

    // A duplicate delivery (the node crashed before it saw the ack) is answered, not paid again.
    const again = nextEvent(client, 'credit', (c) => c.jobId === offer.job.id);
    await client.complete(completionFor(offer, rightResult(offer)));
    expect(await again).toMatchObject({ verified: true, amount: amount.toString() });
    expect(second.snapshot().nodes[key]!.cumulative).toBe(amount.toString());
  });

  it('reconnects when the coordinator goes away and comes back', async () => {
    const dir = await tempDir('net');
    const dataDir = join(dir, 'coord');
    const first = await network(dataDir);
    const { client } = await connectedClient(first.url, dir);
    const down = nextEvent(client, 'connection', (c) => c.state === 'disconnected');
    await first.stop();
    expect((await down).retryInMs).toBeGreaterThanOrEqual(0);
    const up = nextEvent(client, 'connection', (c) => c.state === 'connected');
    await network(dataDir, { port: first.port });
    await up;
    expect(client.connected).toBe(true);
    expect(client.stats.sessions).toBe(2);
    // The restarted coordinator still knows the session token: no second registration.
    expect(client.stats.registrations).toBe(1);
  });
});
