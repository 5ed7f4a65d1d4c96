import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { parseTokens } from '../api/money.js';
import { EarningsQuerySchema } from '../api/ledger-schemas.js';
import type {
  EarningsPage,
  EarningsQuery,
  EarningsSummary,
  LedgerEntry,
  UsageReceiptRef,
  Voucher,
} from '../api/ledger-schemas.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { amountFor } from './amount.js';
import { emptyBook, toEntry, transition } from './book.js';
import type { Book, Job } from './book.js';
import { dateKey, isTimeZone, monthOf } from './calendar.js';
import { toCsv } from './csv.js';
import { LedgerEventSchema } from './events.js';
import type { LedgerEvent } from './events.js';
import { Journal, scanJournal } from './journal.js';
import type { JournalIssue, JournalRecord } from './journal.js';
import { acquireLock, LockedError } from './lock.js';
import type { DirLock } from './lock.js';
import { summarize } from './summary.js';

/**
 * The earnings ledger: every job from offer to claim, kept in an fdatasync'd journal
 * (see journal.ts) and replayed into memory on open. Each operation resolves only once
 * its event is durable; operations run one at a time in call order.
 *
 * Operations return `true` when they changed the ledger and `false` when it already
 * said so (a retry, a duplicate credit, an older claim), which makes every one of them
 * safe to repeat after a crash. A request that makes no sense (unknown job, wrong
 * state, bad input) throws a LedgerError and changes nothing.
 */

export interface LedgerOptions {
  /** Clock for events recorded without an explicit time (epoch ms). */
  now?: () => number;
}

export interface At {
  /** When it happened, epoch ms; defaults to the ledger's clock. */
  at?: number;
}

export interface Metering {
  /** Running (not paused) seconds × GPUs. */
  gpuSeconds: number;
  energyWh: number | null;
}

export interface ClaimInput {
  txHash: string;
  /** The voucher's cumulative amount the claim paid up to, in base units. */
  cumulativeClaimed: bigint;
  payer: string;
  chainId: number;
  contract: string;
}

export interface SummaryInput {
  now?: number;
  timeZone: string;
  /**
   * The owner's electricity tariff in whole tokens per kWh, as a decimal string
   * ("0.05"). The ledger works in tokens only; converting a currency tariff into tokens
   * is the caller's job, at the rate it chooses.
   */
  electricityPricePerKwh: string;
}

export interface CsvInput {
  timeZone: string;
  month?: string;
  /** Tokens per kWh like SummaryInput's; adds cost and net columns. */
  electricityPricePerKwh?: string;
}

export type LedgerIssue =
  JournalIssue | { kind: 'invalidEvent' | 'rejectedEvent'; seq: number; message: Message };

export class LedgerError extends Error {
  constructor(
    readonly detail: Message,
    options?: { cause?: unknown },
  ) {
    super(detail.key, options);
    this.name = 'LedgerError';
  }
}

export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'ledger.lock';

export class Ledger {
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dir: string,
    /** null when opened read-only: then nothing can be written. */
    private readonly journal: Journal | null,
    private readonly lock: DirLock | null,
    private readonly book: Book,
    /** What replay found wrong with the journal: shown to the owner, never fatal. */
    readonly issues: readonly LedgerIssue[],
    private readonly now: () => number,
  ) {}

  static async open(dir: string, options: LedgerOptions = {}): Promise<Ledger> {
    await mkdir(dir, { recursive: true });
    let lock: DirLock;
    try {
      lock = await acquireLock(join(dir, LOCK_FILE));
    } catch (error) {
      if (error instanceof LockedError) {
        throw new LedgerError(msg('ledger:errors.locked', { dir }), { cause: error });
      }
      throw error;
    }
    try {
      const {
        journal,
        records,
        issues: journalIssues,
      } = await Journal.open(join(dir, JOURNAL_FILE));
      const { book, issues } = Ledger.replay(records, journalIssues);
      return new Ledger(dir, journal, lock, book, issues, options.now ?? Date.now);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Reads the ledger while the app that owns it keeps running (an accountant's check):
   * no lock, no repair of a torn last line, and every write refused.
   */
  static async openReadOnly(dir: string, options: LedgerOptions = {}): Promise<Ledger> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, JOURNAL_FILE));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      bytes = Buffer.alloc(0);
    }
    const scan = scanJournal(bytes);
    const { book, issues } = Ledger.replay(scan.records, scan.issues);
    return new Ledger(dir, null, null, book, issues, options.now ?? Date.now);
  }

  private static replay(
    records: readonly JournalRecord[],
    journalIssues: readonly LedgerIssue[],
  ): { book: Book; issues: LedgerIssue[] } {
    const book = emptyBook();
    const issues: LedgerIssue[] = [...journalIssues];
    for (const record of records) {
      const parsed = LedgerEventSchema.safeParse(record.event);
      if (!parsed.success) {
        issues.push({
          kind: 'invalidEvent',
          seq: record.seq,
          message: msg('ledger:issues.invalidEvent', { seq: record.seq }),
        });
        continue;
      }
      const step = transition(book, parsed.data);
      if (step.kind === 'apply') step.run(record.seq);
      else if (step.kind === 'reject') {
        issues.push({
          kind: 'rejectedEvent',
          seq: record.seq,
          message: msg('ledger:issues.rejectedEvent', { seq: record.seq }),
        });
      }
    }
    return { book, issues };
  }

  offer(jobId: string, kind: string, pricePerGpuHour: bigint, opts: At = {}): Promise<boolean> {
    return this.record(() => ({
      t: 'offer',
      jobId,
      at: this.at(opts),
      kind,
      price: pricePerGpuHour.toString(),
    }));
  }

  decline(jobId: string, reason: Message, opts: At = {}): Promise<boolean> {
    return this.record(() => ({ t: 'decline', jobId, at: this.at(opts), reason }));
  }

  start(jobId: string, opts: At = {}): Promise<boolean> {
    return this.record(() => ({ t: 'start', jobId, at: this.at(opts) }));
  }

  /** `amount` defaults to the offer's price × GPU-seconds (rounded down). */
  complete(jobId: string, metering: Metering, amount?: bigint, opts: At = {}): Promise<boolean> {
    return this.record(() => ({
      t: 'complete',
      jobId,
      at: this.at(opts),
      gpuSeconds: metering.gpuSeconds,
      energyWh: metering.energyWh,
      amount: (amount ?? this.priceFor(jobId, metering)).toString(),
    }));
  }

  fail(
    jobId: string,
    reason: Message | null,
    metering: Metering = { gpuSeconds: 0, energyWh: null },
    opts: At = {},
  ): Promise<boolean> {
    return this.record(() => ({
      t: 'fail',
      jobId,
      at: this.at(opts),
      reason,
      gpuSeconds: metering.gpuSeconds,
      energyWh: metering.energyWh,
    }));
  }

  /** The job was cut short (preempted, node crashed); `amount` defaults to pro rata. */
  interrupt(jobId: string, metering: Metering, amount?: bigint, opts: At = {}): Promise<boolean> {
    return this.record(() => ({
      t: 'interrupt',
      jobId,
      at: this.at(opts),
      gpuSeconds: metering.gpuSeconds,
      energyWh: metering.energyWh,
      amount: (amount ?? this.priceFor(jobId, metering)).toString(),
    }));
  }

  report(jobId: string, receipt: UsageReceiptRef, opts: At = {}): Promise<boolean> {
    return this.record(() => ({ t: 'report', jobId, at: this.at(opts), receipt }));
  }

  /**
   * The network credited the job. Idempotent by job: a second credit is ignored, except
   * that a voucher may be attached to a credit recorded without one.
   */
  credit(jobId: string, amount: bigint, voucher: Voucher | null, opts: At = {}): Promise<boolean> {
    return this.record(() => ({
      t: 'credit',
      jobId,
      at: this.at(opts),
      amount: amount.toString(),
      voucher,
    }));
  }

  /**
   * A claim paid the payer's vouchers up to `cumulativeClaimed`: every credited job
   * whose voucher (same chain, contract and payer) is at or below it becomes claimed.
   */
  claim(input: ClaimInput, opts: At = {}): Promise<boolean> {
    return this.record(() => ({
      t: 'claim',
      at: this.at(opts),
      txHash: input.txHash,
      cumulative: input.cumulativeClaimed.toString(),
      payer: input.payer,
      chainId: input.chainId,
      contract: input.contract,
    }));
  }

  entry(jobId: string): LedgerEntry | null {
    const job = this.book.jobs.get(jobId);
    return job ? toEntry(job) : null;
  }

  /** Jobs offered or running: after a crash the node settles these first. */
  unfinished(): LedgerEntry[] {
    return this.sorted()
      .filter((job) => job.state === 'offered' || job.state === 'running')
      .map(toEntry);
  }

  /** Newest offer first; `month` matches the local month the job ended (or was offered). */
  entries(query: EarningsQuery = {}): EarningsPage {
    const parsed = EarningsQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidInput(parsed.error.issues[0]?.path.join('.') ?? '');
    const q = parsed.data;
    this.checkTimeZone(q.timeZone);
    const states = q.states ? new Set(q.states) : null;
    const matching = this.sorted()
      .reverse()
      .filter((job) => states === null || states.has(job.state))
      .filter(
        (job) =>
          q.month === undefined ||
          monthOf(dateKey(job.endedAt ?? job.offeredAt, q.timeZone)) === q.month,
      );
    return {
      entries: matching.slice(q.offset, q.offset + q.limit).map(toEntry),
      total: matching.length,
      offset: q.offset,
    };
  }

  summary(input: SummaryInput): EarningsSummary {
    this.checkTimeZone(input.timeZone);
    return summarize(this.book.jobs.values(), {
      now: input.now ?? this.now(),
      timeZone: input.timeZone,
      electricityPricePerKwh: parseTariff(input.electricityPricePerKwh),
    });
  }

  csv(input: CsvInput): string {
    this.checkTimeZone(input.timeZone);
    if (input.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) {
      throw invalidInput('month');
    }
    return toCsv(this.book.jobs.values(), {
      timeZone: input.timeZone,
      ...(input.month === undefined ? {} : { month: input.month }),
      ...(input.electricityPricePerKwh === undefined
        ? {}
        : { electricityPricePerKwh: parseTariff(input.electricityPricePerKwh) }),
    });
  }

  /** Writes the CSV to `path` atomically: a crash leaves the old file or the new one. */
  async exportCsv(path: string, input: CsvInput): Promise<void> {
    await writeFileAtomic(path, this.csv(input));
  }

  /** Finishes queued operations, then releases the journal and the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail.catch(() => undefined);
    await this.journal?.close();
    await this.lock?.release();
  }

  private at(opts: At): number {
    return opts.at ?? this.now();
  }

  private priceFor(jobId: string, metering: Metering): bigint {
    const job = this.book.jobs.get(jobId);
    if (!job) throw new LedgerError(msg('ledger:errors.unknownJob', { jobId }));
    try {
      return amountFor(job.price, metering.gpuSeconds);
    } catch (error) {
      throw new LedgerError(msg('ledger:errors.invalidInput', { field: 'gpuSeconds' }), {
        cause: error,
      });
    }
  }

  private sorted(): Job[] {
    return [...this.book.jobs.values()].sort((a, b) => a.offeredAt - b.offeredAt || a.seq - b.seq);
  }

  private checkTimeZone(timeZone: string): void {
    if (!isTimeZone(timeZone)) {
      throw new LedgerError(msg('ledger:errors.invalidTimeZone', { timeZone }));
    }
  }

  /**
   * Builds the event inside the queue (so defaults see the state left by earlier
   * operations), checks it, makes it durable, then applies it.
   */
  private record(build: () => unknown): Promise<boolean> {
    if (this.closed) return Promise.reject(new LedgerError(msg('ledger:errors.closed')));
    const journal = this.journal;
    if (journal === null) return Promise.reject(new LedgerError(msg('ledger:errors.readOnly')));
    const run = async (): Promise<boolean> => {
      const parsed = LedgerEventSchema.safeParse(build());
      if (!parsed.success) throw invalidInput(parsed.error.issues[0]?.path.join('.') ?? '');
      const event: LedgerEvent = parsed.data;
      const step = transition(this.book, event);
      if (step.kind === 'ignore') return false;
      if (step.kind === 'reject') throw new LedgerError(step.message);
      let seq: number;
      try {
        seq = await journal.append(event);
      } catch (error) {
        throw new LedgerError(msg('ledger:errors.writeFailed', { dir: this.dir }), {
          cause: error,
        });
      }
      step.run(seq);
      return true;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function invalidInput(field: string): LedgerError {
  return new LedgerError(msg('ledger:errors.invalidInput', { field }));
}

function parseTariff(text: string): bigint {
  try {
    return parseTokens(text);
  } catch (error) {
    throw new LedgerError(msg('ledger:errors.invalidTariff', { value: text.slice(0, 40) }), {
      cause: error,
    });
  }
}
