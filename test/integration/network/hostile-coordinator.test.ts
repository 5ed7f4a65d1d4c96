import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Wallet, ZeroAddress } from 'ethers';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../../src/api/protocol-schemas.js';
import type { OfferFrame } from '../../../src/api/protocol-schemas.js';
import { signVoucher, voucherDomain } from '../../../src/network/chain/voucher.js';
import { ProtocolClient } from '../../../src/network/client.js';
import { CAPABILITIES, makeIdentity, nextEvent, tempDir, until } from './fixtures.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A coordinator that registers anyone, then runs `script` against each session. */
async function hostileServer(
  script: (socket: WebSocket, session: number) => Promise<void> | void,
  registerBody: () => string = () => '',
): Promise<{ url: string; payer: string }> {
  const payer = Wallet.createRandom();
  let sessions = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const custom = registerBody();
      if (custom !== '') {
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end(custom);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/v1/register/challenge') {
        return res.end(
          JSON.stringify({
            v: 1,
            challenge: 'hostile challenge 0123456789',
            expiresAt: new Date().toISOString(),
          }),
        );
      }
      res.end(
        JSON.stringify({
          v: 1,
          nodeId: 'n1',
          sessionToken: 'abcdefghijklmnopqrstuvwxyz',
          heartbeatIntervalS: 1,
          chainId: 31337,
          vault: ZeroAddress,
          payer: payer.address,
        }),
      );
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => {
    sessions += 1;
    socket.on('error', () => undefined);
    socket.send(JSON.stringify({ v: 1, type: 'welcome', nodeId: 'n1', heartbeatIntervalS: 1 }));
    void Promise.resolve()
      .then(() => script(socket, sessions))
      .catch(() => socket.terminate());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    payer: payer.address,
  };
}

function validOffer(id: string, extra: Record<string, unknown> = {}): OfferFrame {
  return {
    v: 1,
    type: 'offer',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    job: {
      id,
      kind: 'cpu',
      image: `x@sha256:${'a'.repeat(64)}`,
      command: ['true'],
      env: {},
      resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 16 },
      maxDurationS: 60,
      egress: false,
      inputs: [],
      pricePerGpuHour: '1',
      ...extra,
    },
  };
}

describe('protocol client against a hostile coordinator', () => {
  it('survives garbage, wrong types, forged vouchers and oversized frames', async () => {
    const identity = await makeIdentity();
    const stranger = Wallet.createRandom();
    const { url } = await hostileServer(async (socket, session) => {
      if (session > 1) {
        socket.send(JSON.stringify(validOffer('after-reconnect')));
        return;
      }
      const garbage: (string | Buffer)[] = [
        'not json',
        '',
        'null',
        '[]',
        '{"v":1}',
        '{"v":2,"type":"credit","jobId":"j1","amount":"1","verified":true}',
        '{"v":1,"type":"credit","jobId":"../etc","amount":"1","verified":true}',
        '{"v":1,"type":"credit","jobId":"j1","amount":"-1","verified":true}',
        '{"v":1,"type":"credit","jobId":"j1","amount":1e400,"verified":true}',
        '{"v":1,"type":"credit","jobId":"j1","amount":"1","verified":true,"extra":1}',
        '{"__proto__":{"polluted":true},"v":1,"type":"ack","jobId":"j1","of":"complete"}',
        '{"v":1,"type":"offer","job":5,"expiresAt":"2030-01-01T00:00:00Z"}',
        '{"v":1,"type":"reputation","score":1000,"missedHeartbeats":0,"committedHours":0,"slashes":[]}',
        Buffer.from([0xff, 0x00, 0x13]),
        `{"v":1,"type":"offer","expiresAt":"2030-01-01T00:00:00Z","job":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      ];
      for (const g of garbage) socket.send(g);
      // A voucher that pays us but was signed by someone other than the announced payer.
      const voucher = {
        node: identity.deviceAddress,
        payout: identity.payoutAddress,
        cumulative: 10n ** 30n,
        nonce: 1n,
        deadline: 9_999_999_999n,
      };
      const signature = await signVoucher(stranger, voucherDomain(31337, ZeroAddress), voucher);
      socket.send(
        JSON.stringify({
          v: 1,
          type: 'voucher',
          ...voucher,
          cumulative: voucher.cumulative.toString(),
          nonce: '1',
          deadline: voucher.deadline.toString(),
          chainId: 31337,
          vault: ZeroAddress,
          signature,
        }),
      );
      // Privileged asks survive parsing so the sandbox's admission can decline them by name.
      socket.send(
        JSON.stringify(
          validOffer('privileged', { privileged: true, capAdd: ['SYS_ADMIN'], binds: ['/:/host'] }),
        ),
      );
      // Too big: the client must drop the connection (1009) and come back.
      socket.send('x'.repeat(MAX_FRAME_BYTES + 10));
    });

    const dir = await tempDir('hostile');
    const client = new ProtocolClient({
      url,
      outboxPath: join(dir, 'outbox.jsonl'),
      backoff: { baseMs: 50, maxMs: 200 },
    });
    cleanups.push(() => client.close());
    const offers: OfferFrame[] = [];
    const vouchers: unknown[] = [];
    client.on('offer', () => {
      throw new Error('a faulty listener must not hurt the client');
    });
    client.on('offer', (o) => offers.push(o));
    client.on('voucher', (v) => vouchers.push(v));
    client.on('credit', () => {
      throw new Error('no credit frame here is valid');
    });

    await client.connect(identity, CAPABILITIES);
    await until(
      () => offers.some((o) => o.job.id === 'after-reconnect'),
      20_000,
      'offer after reconnect',
    );

    expect(offers.map((o) => o.job.id)).toEqual(['privileged', 'after-reconnect']);
    expect(offers[0]!.job).toMatchObject({ privileged: true, capAdd: ['SYS_ADMIN'] });
    expect(vouchers).toEqual([]);
    expect(client.stats.forgedVouchers).toBe(1);
    expect(client.stats.invalidFrames).toBeGreaterThanOrEqual(16);
    expect(client.stats.sessions).toBeGreaterThanOrEqual(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps retrying when registration answers garbage, without throwing', async () => {
    let calls = 0;
    const { url } = await hostileServer(
      () => undefined,
      () => {
        calls += 1;
        return '<html>oops</html>';
      },
    );
    const dir = await tempDir('hostile');
    const client = new ProtocolClient({
      url,
      outboxPath: join(dir, 'outbox.jsonl'),
      backoff: { baseMs: 20, maxMs: 50 },
    });
    const identity = await makeIdentity();
    const failure = nextEvent(
      client,
      'connection',
      (c) => c.reason.key === 'network:connection.registerFailed',
    );
    const connecting = client.connect(identity, CAPABILITIES).catch((e: unknown) => e);
    await failure;
    await until(() => calls >= 3, 10_000, 'three attempts');
    await client.close();
    expect(await connecting).toBeInstanceOf(Error);
  });
});
