// 6. A node idle while ready on the local network (wallet made, sharing on, schedule
// "always", connected, no job yet), in a child process so its CPU is measured alone.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ROOT, scratchDir } from './fixtures.js';
import { sampleOtherProcess } from './process-sampler.js';
import { MiB, mean, percentile } from './stats.js';

const SECONDS = 30;
const READY_TIMEOUT_MS = 120_000;

function startChild(dataDir) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'bench', 'idle-node-child.js'), dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const messages = [];
  const waiters = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    messages.push(message);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const next = (key, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`child: no "${key}" (${stderr.trim()})`)),
        timeoutMs,
      );
      const look = () => {
        const found = messages.find((m) => key in m);
        if (found) {
          clearTimeout(timer);
          resolve(found[key]);
        } else waiters.push(look);
      };
      exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`child exited ${code} before "${key}": ${stderr.trim()}`));
      });
      look();
    });
  return { child, next, exited };
}

export default {
  id: 'idle',
  title: 'Node idle, ready on the local network',
  async run() {
    const dataDir = await scratchDir('idle');
    const { child, next, exited } = startChild(dataDir);
    let ready;
    let sampled;
    let final = null;
    try {
      ready = await next('ready', READY_TIMEOUT_MS);
      sampled = await sampleOtherProcess(child.pid, SECONDS);
    } finally {
      child.kill('SIGTERM');
      final = await Promise.race([next('final', 15_000), exited]).catch(() => null);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const jobNote =
      final?.state && final.state !== 'ready'
        ? `; state at end: ${final.state}${final.job ? ` (job ${final.job})` : ''}`
        : '; stayed ready, no job';
    const row = (measure, values, unit, note) => ({
      bench: 'Node idle (ready, local net)',
      measure,
      n: SECONDS,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      unit,
      note,
    });
    return [
      row(
        'node process CPU% (1 s samples, /proc)',
        sampled.self.cpuPct,
        '%',
        `mean ${mean(sampled.self.cpuPct).toFixed(2)}% of one core${jobNote}`,
      ),
      row(
        'node process RSS',
        sampled.self.rssBytes.map((b) => b / MiB),
        'MiB',
      ),
      row(
        'node + children (embedded anvil chain) CPU%',
        sampled.tree.cpuPct,
        '%',
        `mean ${mean(sampled.tree.cpuPct).toFixed(2)}%`,
      ),
      row(
        'node + children RSS',
        sampled.tree.rssBytes.map((b) => b / MiB),
        'MiB',
      ),
      {
        bench: 'Node idle (ready, local net)',
        measure: 'startNode → wallet made, sharing on, ready and connected',
        n: 1,
        p50: ready.startToReadyMs,
        unit: 'ms',
        note: `of which wallet.create ${Math.round(ready.walletMs)} ms (scrypt)`,
      },
    ];
  },
};
