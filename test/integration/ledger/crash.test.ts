import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { JOURNAL_FILE, Ledger } from '../../../src/ledger/ledger.js';

/**
 * kill -9 at random moments while a child process writes as fast as it can; after each
 * kill, every operation the child was told had succeeded must be there exactly once and
 * the totals must be exact. The child runs the real ledger, transpiled from src/ (the
 * build output may not exist when tests run).
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const KILLS = 24;
const LANES = 4;

let work: string;
let driver: string;

/** Transpiles `entry` and every relative import it reaches into `outDir`, keeping the tree. */
async function transpileTree(entry: string, outDir: string): Promise<void> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const out = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
    for (const m of source.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
      queue.push(resolve(dirname(file), `${m[1]}.ts`));
    }
  }
}

/** The same deterministic amount the driver books, so the test can check totals. */
const amountOf = (jobId: string): bigint => {
  const [run, lane, n] = jobId
    .slice(1)
    .split('-')
    .map((p) => BigInt(p.replace(/\D/g, '')));
  return (run! * 1_000_003n + lane! * 1009n + n!) * 10n ** 12n + 1n;
};

const DRIVER = `
import { Ledger } from './src/ledger/ledger.js';
const [dir, run, lanes] = process.argv.slice(2);
// Must match amountOf above; a mismatch fails the amount checks loudly.
const amountOf = (jobId) => {
  const [run, lane, n] = jobId.slice(1).split('-').map((p) => BigInt(p.replace(/\\D/g, '')));
  return (run * 1_000_003n + lane * 1009n + n) * 10n ** 12n + 1n;
};
const ledger = await Ledger.open(dir);
const say = (line) => process.stdout.write(line + '\\n');
say('ready');
async function lane(l) {
  for (let n = 0; ; n++) {
    const id = 'r' + run + '-l' + l + '-n' + n;
    await ledger.offer(id, 'gpu', 3600n); say('ack offer ' + id);
    await ledger.start(id); say('ack start ' + id);
    await ledger.complete(id, { gpuSeconds: n % 7, energyWh: n % 3 === 0 ? null : n / 4 }, amountOf(id));
    say('ack complete ' + id);
    if (n % 2 === 0) {
      // Half the credits carry a voucher (claimable), half arrive bare (still pending).
      const voucher = n % 4 === 0 ? { cumulative: String(amountOf(id)), nonce: String(n), signature: '0x01',
        payer: '0x' + '11'.repeat(20), chainId: 1, contract: '0x' + '22'.repeat(20) } : null;
      await ledger.credit(id, amountOf(id), voucher); say('ack credit ' + id);
    }
  }
}
await Promise.all(Array.from({ length: Number(lanes) }, (_, l) => lane(l)));
`;

/** A small seeded PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lumbung-crash-'));
  const code = join(work, 'code');
  await transpileTree(join(ROOT, 'src/ledger/ledger.ts'), code);
  await symlink(join(ROOT, 'node_modules'), join(code, 'node_modules'), 'dir');
  driver = join(code, 'driver.mjs');
  await writeFile(driver, DRIVER);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Runs the driver until it has acknowledged `killAfter` operations, then SIGKILLs it. */
function runAndKill(dir: string, run: number, killAfter: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [driver, dir, String(run), String(LANES)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('ack ')) return;
      acks.push(line.slice(4));
      if (acks.length === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    // 'close' waits for stdout to drain, so every ack the child printed is counted,
    // and the child has been reaped, so its lock is visibly stale.
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`driver exited on its own: ${stderr}`));
      else resolvePromise(acks);
    });
  });
}

describe('ledger under kill -9', () => {
  it('loses nothing acknowledged and duplicates nothing', async () => {
    const seed = Date.now() % 1_000_000;
    const random = rng(seed);
    const dir = join(work, 'ledger');
    const acked = new Map<string, Set<string>>(); // jobId → acknowledged events
    let lastSeq = 0;

    for (let run = 0; run < KILLS; run++) {
      const killAfter = 1 + Math.floor(random() * 120);
      for (const ack of await runAndKill(dir, run, killAfter)) {
        const [event, jobId] = ack.split(' ') as [string, string];
        if (!acked.has(jobId)) acked.set(jobId, new Set());
        acked.get(jobId)!.add(event);
      }

      const ledger = await Ledger.open(dir);
      const context = `seed ${seed}, run ${run}`;
      try {
        expect(
          ledger.issues.filter((i) => i.kind !== 'tornTail'),
          context,
        ).toEqual([]);

        // Every acknowledged event is there.
        for (const [jobId, events] of acked) {
          const entry = ledger.entry(jobId);
          expect(entry, `${context}: ${jobId}`).not.toBeNull();
          if (events.has('start')) expect(entry!.startedAt).not.toBeNull();
          if (events.has('complete')) {
            expect(['completed', 'credited']).toContain(entry!.state);
            expect(entry!.amount).toBe(amountOf(jobId).toString());
          }
          if (events.has('credit')) expect(entry!.state).toBe('credited');
        }

        // Exactly once: no event twice in the journal, seqs contiguous from 1.
        const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n');
        expect(lines.pop()).toBe('');
        const seen = new Set<string>();
        lines.forEach((line, i) => {
          const { seq, e } = JSON.parse(line) as { seq: number; e: { t: string; jobId: string } };
          expect(seq).toBe(i + 1);
          const key = `${e.t} ${e.jobId}`;
          expect(seen.has(key), `${context}: ${key} twice`).toBe(false);
          seen.add(key);
        });
        expect(lines.length).toBeGreaterThanOrEqual(lastSeq);
        lastSeq = lines.length;

        // Totals are exact.
        const all = ledger.entries({ limit: 500, offset: 0 });
        const entries = [...all.entries];
        for (let offset = 500; offset < all.total; offset += 500) {
          entries.push(...ledger.entries({ limit: 500, offset }).entries);
        }
        let earned = 0n;
        let credited = 0n;
        for (const entry of entries) {
          if (entry.state === 'completed' || entry.state === 'credited') {
            earned += amountOf(entry.jobId);
          }
        }
        for (const entry of entries) {
          if (entry.state === 'credited' && entry.voucher) credited += BigInt(entry.amount);
        }
        const summary = ledger.summary({ timeZone: 'UTC', electricityPricePerKwh: '0' });
        expect(summary.allTime.earned, context).toBe(earned.toString());
        expect(summary.allTime.claimable, context).toBe(credited.toString());
        expect(summary.allTime.pending, context).toBe((earned - credited).toString());
      } finally {
        await ledger.close();
      }
    }
    expect(acked.size).toBeGreaterThan(KILLS);
  }, 180_000);
});
