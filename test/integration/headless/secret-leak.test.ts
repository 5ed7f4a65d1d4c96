import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mnemonic, Wallet } from 'ethers';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/headless/server.js';
import { startNode, type StartedNode } from '../../../src/node/index.js';

const token = 'd'.repeat(64);
const PASSWORD = 'never-in-a-frame-42';
let server: RunningServer;
let node: StartedNode;
let dataDir: string;
const frames: string[] = [];
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lumbung-leak-'));
  node = await startNode({
    dataDir,
    shell: 'headless',
    network: { kind: 'none' },
    walletScrypt: { N: 1024 },
    gpu: {
      systeminformation: false,
      tools: { nvidiaSmi: '/nonexistent', rocmSmi: '/nonexistent' },
    },
    log: (line) => logs.push(line),
  });
  server = await startServer({ node, token, rendererDir: dataDir, log: (line) => logs.push(line) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await node?.stop();
});

/** A recording client: every frame in both directions is kept for the search. */
async function session() {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, {
    headers: { Cookie: `lumbung_session=${token}` },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.on('message', (data) => frames.push(data.toString()));
  let id = 0;
  const call = (method: string, input?: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as {
          id?: number;
          reply: { ok: boolean; value?: unknown; error?: unknown };
        };
        if (frame.id === mine) {
          ws.off('message', onMessage);
          resolve(frame.reply);
        }
      };
      ws.on('message', onMessage);
      const text = JSON.stringify({ id: mine, method, input });
      frames.push(text);
      ws.send(text);
    });
  return { call, close: () => ws.close() };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

describe('secrets never leave the core', () => {
  it('a whole wallet session over the WebSocket shows the phrase once and never the key', async () => {
    const { call, close } = await session();
    const created = (await call('wallet.create', { password: PASSWORD })) as {
      ok: true;
      value: { phrase: string; address: string };
    };
    expect(created.ok).toBe(true);
    const phrase = created.value.phrase;
    const key = Wallet.fromPhrase(phrase).privateKey;
    const entropy = Mnemonic.fromPhrase(phrase).entropy;
    const createReply = frames.length;
    // Control: the search below would find the phrase where it is.
    expect(frames[createReply - 1]).toContain(phrase);

    const challenge = (await call('wallet.backupChallenge')) as { value: { positions: number[] } };
    const words = phrase.split(' ');
    await call('wallet.confirmBackup', {
      words: challenge.value.positions.map((position) => ({ position, word: words[position - 1] })),
    });
    await call('wallet.lock');
    await call('wallet.unlock', { password: 'wrong-password-1' });
    await call('wallet.unlock', { password: PASSWORD });
    await call('wallet.summary');
    await call('wallet.importPrivateKey', { key: `0x${'1'.repeat(64)}`, password: PASSWORD });
    await call('wallet.withdraw', {
      to: '0x0000000000000000000000000000000000000001',
      amount: '1',
      asset: 'native',
      password: PASSWORD,
    });
    await call('status.get');
    await call('settings.get');
    close();

    // The one create reply carries the phrase by design; nothing else may.
    const others = frames.filter(
      (_f, i) => i !== createReply - 1 && !frames[i]!.includes('"wallet.create"'),
    );
    const haystacks = [
      ...others,
      ...logs,
      ...(await Promise.all(
        (await filesUnder(dataDir)).map((f) => readFile(f, 'utf8').catch(() => '')),
      )),
    ];
    for (const secret of [
      phrase,
      key,
      key.slice(2),
      entropy.slice(2),
      words.slice(0, 4).join(' '),
    ]) {
      const found = haystacks.filter((h) => h.includes(secret));
      expect(found, `secret found in ${found.length} place(s)`).toEqual([]);
    }
    // The password typed by the owner is never echoed back or stored.
    const replies = others.filter((f) => !f.includes('"method"'));
    expect(replies.some((f) => f.includes(PASSWORD))).toBe(false);
  }, 60_000);
});
