// 2. API round trip: one `status.get` request frame over the real WebSocket (session
// cookie, Host check, zod frame parsing, dispatch, node status) until its reply frame.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { dist, NO_GPU, removeDir, scratchDir } from './fixtures.js';
import { nowMs, percentile } from './stats.js';

const CALLS = 2000;
const WARMUP = 100;

function openSocket(port, token) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, {
      headers: { Host: `127.0.0.1:${port}`, Cookie: `lumbung_session=${token}` },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`WebSocket refused: HTTP ${res.statusCode}`)),
    );
  });
}

/** Sends calls one after another (never pipelined): each figure is one full round trip. */
function makeCaller(ws) {
  let nextId = 1;
  const waiting = new Map();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (typeof frame.id !== 'number') return;
    waiting.get(frame.id)?.(frame.reply);
    waiting.delete(frame.id);
  });
  return (method, input) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input }));
    });
}

export default {
  id: 'api',
  title: 'API round trip',
  async run() {
    const [{ startNode }, { startServer }] = await Promise.all([
      dist('node/index.js'),
      dist('headless/server.js'),
    ]);
    const dataDir = await scratchDir('api');
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lumbung</title>');
    const token = randomBytes(32).toString('hex');
    const node = await startNode({
      dataDir,
      shell: 'headless',
      gpu: NO_GPU,
      network: { kind: 'none' },
      log: () => undefined,
    });
    const server = await startServer({ node, token, rendererDir });
    const ws = await openSocket(server.port, token);
    try {
      const call = makeCaller(ws);
      const first = await call('status.get');
      if (!first?.ok) throw new Error(`status.get failed: ${JSON.stringify(first)}`);
      for (let i = 0; i < WARMUP; i++) await call('status.get');
      const times = [];
      for (let i = 0; i < CALLS; i++) {
        const start = nowMs();
        const reply = await call('status.get');
        times.push(nowMs() - start);
        if (!reply.ok) throw new Error('status.get failed mid-run');
      }
      return [
        {
          bench: 'API round trip',
          measure: 'status.get over WebSocket, request → reply (client and server in one process)',
          n: CALLS,
          p50: percentile(times, 50),
          p99: percentile(times, 99),
          unit: 'ms',
          note: `after ${WARMUP} warm-up calls; node state ${first.value.state}`,
        },
      ];
    } finally {
      ws.close();
      await server.close();
      await node.stop();
      await removeDir(dataDir);
    }
  },
};
