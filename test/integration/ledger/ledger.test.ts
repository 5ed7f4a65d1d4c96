import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_FILE, LOCK_FILE, Ledger, LedgerError } from '../../../src/ledger/ledger.js';
import { crc32 } from '../../../src/ledger/crc32.js';
import { msg } from '../../../src/api/message.js';
import { EarningsPageSchema, EarningsSummarySchema } from '../../../src/api/ledger-schemas.js';

const TOKEN = 10n ** 18n;
const PAYER = '0x' + 'aa'.repeat(20);
const CONTRACT = '0x' + 'bb'.repeat(20);
const hash = (n: number) => '0x' + n.toString(16).padStart(64, '0');
const voucher = (cumulative: bigint) => ({
  cumulative: cumulative.toString(),
  nonce: '1',
  signature: '0x1234',
  payer: PAYER,
  chainId: 31337,
  contract: CONTRACT,
});

let dir: string;
const opened: Ledger[] = [];
let clock = Date.parse('2024-04-01T03:00:00Z');

async function open(): Promise<Ledger> {
  const ledger = await Ledger.open(dir, { now: () => clock });
  opened.push(ledger);
  return ledger;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-ledger-'));
});
afterEach(async () => {
  for (const l of opened.splice(0)) await l.close();
  await rm(dir, { recursive: true, force: true });
});

async function runJob(ledger: Ledger, jobId: string, seconds: number, energyWh: number | null) {
  await ledger.offer(jobId, 'gpu', 2n * TOKEN);
  await ledger.start(jobId);
  clock += seconds * 1000;
  await ledger.complete(jobId, { gpuSeconds: seconds, energyWh });
}

describe('Ledger', () => {
  it('keeps every job from offer to claim across a reopen', async () => {
    const ledger = await open();
    await runJob(ledger, 'a', 1800, 200); // 1 token
    await runJob(ledger, 'b', 900, 100); // 0.5 token
    expect(await ledger.report('a', { hash: hash(1), signature: '0x01' })).toBe(true);
    expect(await ledger.credit('a', TOKEN, voucher(TOKEN))).toBe(true);
    expect(await ledger.credit('a', TOKEN, voucher(TOKEN))).toBe(false);
    expect(await ledger.credit('b', TOKEN / 2n, voucher(TOKEN + TOKEN / 2n))).toBe(true);
    expect(
      await ledger.claim({
        txHash: hash(9),
        cumulativeClaimed: TOKEN,
        payer: PAYER,
        chainId: 31337,
        contract: CONTRACT,
      }),
    ).toBe(true);
    await ledger.offer('c', 'gpu', TOKEN);
    await ledger.decline('c', msg('policy:reasons.priceTooLow', { floor: '1' }));

    const tariff = { timeZone: 'Asia/Jakarta', electricityPricePerKwh: '1' };
    const before = ledger.summary(tariff);
    const entriesBefore = ledger.entries({ limit: 10 });
    const csvBefore = ledger.csv({ timeZone: 'UTC' });
    expect(EarningsSummarySchema.parse(before)).toEqual(before);
    expect(before.today).toEqual({
      earned: (TOKEN + TOKEN / 2n).toString(),
      pending: '0',
      claimable: (TOKEN / 2n).toString(),
      claimed: TOKEN.toString(),
      electricityCost: ((TOKEN * 3n) / 10n).toString(),
      net: ((TOKEN * 12n) / 10n).toString(),
    });
    expect(ledger.entry('a')).toMatchObject({
      state: 'claimed',
      claimTx: hash(9),
      amount: TOKEN.toString(),
    });
    expect(ledger.entry('c')?.declineReason).toEqual(
      msg('policy:reasons.priceTooLow', { floor: '1' }),
    );
    await ledger.close();
    await expect(ledger.start('a')).rejects.toMatchObject({
      detail: { key: 'ledger:errors.closed' },
    });

    const reopened = await open();
    expect(reopened.issues).toEqual([]);
    expect(reopened.summary(tariff)).toEqual(before);
    expect(reopened.entries({ limit: 10 })).toEqual(entriesBefore);
    expect(reopened.csv({ timeZone: 'UTC' })).toBe(csvBefore);
  });

  it('refuses bad requests with a message and writes nothing', async () => {
    const ledger = await open();
    await ledger.offer('a', 'gpu', TOKEN);
    const size = (await stat(join(dir, JOURNAL_FILE))).size;
    const key = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LedgerError);
      return (error as LedgerError).detail.key;
    };
    expect(await key(ledger.start('zzz'))).toBe('ledger:errors.unknownJob');
    expect(await key(ledger.credit('a', TOKEN, null))).toBe('ledger:errors.wrongState');
    expect(await key(ledger.offer('b', 'gpu', -1n))).toBe('ledger:errors.invalidInput');
    expect(await key(ledger.offer('has space', 'gpu', 1n))).toBe('ledger:errors.invalidInput');
    expect(await key(ledger.complete('a', { gpuSeconds: -5, energyWh: null }))).toBe(
      'ledger:errors.invalidInput',
    );
    expect(await key(ledger.report('a', { hash: 'nope', signature: '0x' }))).toBe(
      'ledger:errors.invalidInput',
    );
    expect(() => ledger.summary({ timeZone: 'Mars/Olympus', electricityPricePerKwh: '0' })).toThrow(
      LedgerError,
    );
    expect(() => ledger.summary({ timeZone: 'UTC', electricityPricePerKwh: '-1' })).toThrow(
      LedgerError,
    );
    expect(() => ledger.entries({ limit: 0 })).toThrow(LedgerError);
    expect(() => ledger.csv({ timeZone: 'UTC', month: '2024-13' })).toThrow(LedgerError);
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBe(size);
    expect(ledger.entry('a')?.state).toBe('offered');
  });

  it('pages entries newest first and filters by month and state', async () => {
    const ledger = await open();
    for (let i = 0; i < 7; i++) {
      clock = Date.parse(`2024-0${i < 3 ? 3 : 4}-1${i}T00:00:00Z`);
      await ledger.offer(`j${i}`, 'gpu', TOKEN);
    }
    await ledger.start('j6');
    const page = ledger.entries({ offset: 1, limit: 2 });
    expect(EarningsPageSchema.parse(page)).toEqual(page);
    expect(page.total).toBe(7);
    expect(page.entries.map((e) => e.jobId)).toEqual(['j5', 'j4']);
    expect(ledger.entries({ month: '2024-03' }).entries.map((e) => e.jobId)).toEqual([
      'j2',
      'j1',
      'j0',
    ]);
    expect(ledger.entries({ states: ['running'] }).entries.map((e) => e.jobId)).toEqual(['j6']);
    expect(ledger.unfinished().map((e) => e.jobId)).toEqual([
      'j0',
      'j1',
      'j2',
      'j3',
      'j4',
      'j5',
      'j6',
    ]);
  });

  it('lets one process write at a time and takes over a dead owner’s lock', async () => {
    await open();
    await expect(Ledger.open(dir)).rejects.toMatchObject({
      detail: { key: 'ledger:errors.locked' },
    });
    for (const l of opened.splice(0)) await l.close();

    // A live process holding the lock keeps it.
    await writeFile(join(dir, LOCK_FILE), `${process.ppid}\n`);
    await expect(Ledger.open(dir)).rejects.toMatchObject({
      detail: { key: 'ledger:errors.locked' },
    });

    // A process that has exited does not.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    await writeFile(join(dir, LOCK_FILE), `${dead.stdout.toString()}\n`);
    const ledger = await open();
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await ledger.close();
    await expect(stat(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports journal lines that do not fit, and keeps the rest', async () => {
    const ledger = await open();
    await ledger.offer('a', 'gpu', TOKEN);
    await ledger.close();
    const line = (seq: number, e: unknown) => {
      const payload = JSON.stringify(e);
      return `{"seq":${seq},"crc":${crc32(Buffer.from(payload))},"e":${payload}}\n`;
    };
    await appendFile(
      join(dir, JOURNAL_FILE),
      line(2, { t: 'start', jobId: 'ghost', at: 1 }) +
        line(3, { t: 'warp', jobId: 'a' }) +
        line(4, { t: 'start', jobId: 'a', at: 5 }),
    );
    const again = await open();
    expect(again.issues.map((i) => [i.kind, 'seq' in i ? i.seq : null])).toEqual([
      ['rejectedEvent', 2],
      ['invalidEvent', 3],
    ]);
    expect(again.entry('a')?.state).toBe('running');
    expect(await again.fail('a', null)).toBe(true);
  });

  it('exports CSV atomically', async () => {
    const ledger = await open();
    await runJob(ledger, 'a', 3600, null);
    const out = join(dir, 'earnings.csv');
    await ledger.exportCsv(out, { timeZone: 'UTC', electricityPricePerKwh: '0.25' });
    const text = await readFile(out, 'utf8');
    expect(text).toBe(ledger.csv({ timeZone: 'UTC', electricityPricePerKwh: '0.25' }));
    expect(text.split('\r\n')[1]).toContain(',2,2000000000000000000,');
  });
});
