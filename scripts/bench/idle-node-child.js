// Runs a node on the embedded local network in its own process, so the parent can measure
// this process's CPU and memory alone. Speaks JSON lines on stdout:
//   {"ready": {...}}   once sharing is on and the node is ready and connected
//   {"final": {...}}   on SIGTERM, the state it was in, just before it stops
import { dist, removeDir } from './fixtures.js';
import { nowMs, waitUntil } from './stats.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: idle-node-child.js <data dir>');

const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

const { startNode } = await dist('node/index.js');
const started = nowMs();
const node = await startNode({
  dataDir,
  shell: 'headless',
  network: { kind: 'local', offerIntervalMs: 60_000 },
  log: (line) => process.stderr.write(`${line}\n`),
});
const api = node.api;
const walletStart = nowMs();
await api['wallet.create']({ password: 'bench-password-123' });
const walletMs = nowMs() - walletStart;
await api['settings.update']({ policy: { schedule: { preset: 'always', spans: [] } } });
await api['sharing.set']({ on: true });
const status = await waitUntil(
  async () => {
    const s = await api['status.get']();
    return s.state === 'ready' && s.network.connected ? s : null;
  },
  { timeoutMs: 90_000, everyMs: 100, what: 'node ready and connected' },
);
say({ ready: { state: status.state, startToReadyMs: nowMs() - started, walletMs } });

process.once('SIGTERM', async () => {
  const last = await api['status.get']();
  say({ final: { state: last.state, job: last.job?.id ?? null } });
  await node.stop();
  await removeDir(dataDir);
  process.exit(0);
});
