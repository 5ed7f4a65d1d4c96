import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import type { LedgerEntry, LedgerState, UsageReceiptRef, Voucher } from '../api/ledger-schemas.js';
import type { LedgerEvent } from './events.js';

/**
 * The ledger's derived state and the rules that move a job from offer to claim. Pure:
 * the same events in the same order always give the same book, which is what makes
 * replaying the journal safe.
 *
 * Retrying something already recorded is a no-op ("ignore"), so a caller unsure whether
 * an operation landed before a crash can simply do it again. The first end of a job
 * (complete, fail, interrupt) wins; a later, different end is ignored too.
 */

export interface Job {
  jobId: string;
  kind: string;
  /** Journal seq of the offer: a stable tie-break for ordering. */
  seq: number;
  offeredAt: number;
  startedAt: number | null;
  endedAt: number | null;
  state: LedgerState;
  gpuSeconds: number;
  energyWh: number | null;
  price: bigint;
  amount: bigint;
  receipt: UsageReceiptRef | null;
  voucher: Voucher | null;
  claimTx: string | null;
  reason: Message | null;
}

interface ClaimMark {
  cumulative: bigint;
  txHash: string;
}

export interface Book {
  jobs: Map<string, Job>;
  /** Highest cumulative amount claimed per payment scope (chain, contract, payer). */
  claims: Map<string, ClaimMark>;
}

export type Transition =
  | { kind: 'apply'; run: (seq: number) => void }
  | { kind: 'ignore' }
  | { kind: 'reject'; message: Message };

export function emptyBook(): Book {
  return { jobs: new Map(), claims: new Map() };
}

const ENDED: ReadonlySet<LedgerState> = new Set([
  'completed',
  'failed',
  'interrupted',
  'reported',
  'credited',
  'claimed',
]);
const REPORTABLE: ReadonlySet<LedgerState> = new Set(['completed', 'interrupted']);
const CREDITABLE: ReadonlySet<LedgerState> = new Set(['completed', 'interrupted', 'reported']);

export function scopeKey(chainId: number, contract: string, payer: string): string {
  return `${chainId}:${contract.toLowerCase()}:${payer.toLowerCase()}`;
}

const ignore: Transition = { kind: 'ignore' };
const apply = (run: (seq: number) => void): Transition => ({ kind: 'apply', run });
const wrongState = (job: Job, event: string): Transition => ({
  kind: 'reject',
  message: msg('ledger:errors.wrongState', { jobId: job.jobId, state: job.state, event }),
});

/**
 * Decides what `event` does to `book` without changing it; `run(seq)` then applies it
 * once the journal has given it its seq.
 */
export function transition(book: Book, event: LedgerEvent): Transition {
  if (event.t === 'claim') return claimTransition(book, event);
  const job = book.jobs.get(event.jobId);
  if (event.t === 'offer') {
    if (job) return ignore;
    return apply((seq) => {
      book.jobs.set(event.jobId, {
        jobId: event.jobId,
        kind: event.kind,
        seq,
        offeredAt: event.at,
        startedAt: null,
        endedAt: null,
        state: 'offered',
        gpuSeconds: 0,
        energyWh: null,
        price: BigInt(event.price),
        amount: 0n,
        receipt: null,
        voucher: null,
        claimTx: null,
        reason: null,
      });
    });
  }
  if (!job) {
    return { kind: 'reject', message: msg('ledger:errors.unknownJob', { jobId: event.jobId }) };
  }
  switch (event.t) {
    case 'decline':
      if (job.state === 'declined') return ignore;
      if (job.state !== 'offered') return wrongState(job, event.t);
      return apply(() => {
        job.state = 'declined';
        job.endedAt = event.at;
        job.reason = event.reason;
      });
    case 'start':
      if (job.state === 'running' || ENDED.has(job.state)) return ignore;
      if (job.state !== 'offered') return wrongState(job, event.t);
      return apply(() => {
        job.state = 'running';
        job.startedAt = event.at;
      });
    case 'complete':
    case 'interrupt':
      if (ENDED.has(job.state)) return ignore;
      if (job.state !== 'running') return wrongState(job, event.t);
      return apply(() => {
        job.state = event.t === 'complete' ? 'completed' : 'interrupted';
        job.endedAt = event.at;
        job.gpuSeconds = event.gpuSeconds;
        job.energyWh = event.energyWh;
        job.amount = BigInt(event.amount);
      });
    case 'fail':
      if (ENDED.has(job.state)) return ignore;
      if (job.state !== 'running' && job.state !== 'offered') return wrongState(job, event.t);
      return apply(() => {
        job.state = 'failed';
        job.endedAt = event.at;
        job.gpuSeconds = event.gpuSeconds;
        job.energyWh = event.energyWh;
        job.amount = 0n;
        job.reason = event.reason;
      });
    case 'report':
      if (job.receipt !== null) return ignore;
      if (!REPORTABLE.has(job.state)) return wrongState(job, event.t);
      return apply(() => {
        job.state = 'reported';
        job.receipt = event.receipt;
      });
    case 'credit':
      return creditTransition(book, job, event);
  }
}

function creditTransition(
  book: Book,
  job: Job,
  event: Extract<LedgerEvent, { t: 'credit' }>,
): Transition {
  if (job.state === 'credited' || job.state === 'claimed') {
    // A voucher may follow a bare credit; any other repeat is a duplicate.
    const attachesVoucher =
      job.voucher === null && event.voucher !== null && BigInt(event.amount) === job.amount;
    if (!attachesVoucher) return ignore;
  } else if (!CREDITABLE.has(job.state)) {
    return wrongState(job, event.t);
  }
  return apply(() => {
    job.state = 'credited';
    job.amount = BigInt(event.amount);
    job.voucher = event.voucher;
    if (event.voucher) {
      const v = event.voucher;
      const mark = book.claims.get(scopeKey(v.chainId, v.contract, v.payer));
      // Credits replayed after a claim that already covers them are paid already.
      if (mark && BigInt(v.cumulative) <= mark.cumulative) {
        job.state = 'claimed';
        job.claimTx = mark.txHash;
      }
    }
  });
}

function claimTransition(book: Book, event: Extract<LedgerEvent, { t: 'claim' }>): Transition {
  const key = scopeKey(event.chainId, event.contract, event.payer);
  const cumulative = BigInt(event.cumulative);
  const mark = book.claims.get(key);
  if (mark && cumulative <= mark.cumulative) return ignore;
  return apply(() => {
    book.claims.set(key, { cumulative, txHash: event.txHash });
    for (const job of book.jobs.values()) {
      const v = job.voucher;
      if (job.state !== 'credited' || !v) continue;
      if (scopeKey(v.chainId, v.contract, v.payer) !== key) continue;
      if (BigInt(v.cumulative) > cumulative) continue;
      job.state = 'claimed';
      job.claimTx = event.txHash;
    }
  });
}

/** The UI's view of one job. */
export function toEntry(job: Job): LedgerEntry {
  return {
    jobId: job.jobId,
    offeredAt: job.offeredAt,
    startedAt: job.startedAt,
    endedAt: job.endedAt,
    state: job.state,
    kind: job.kind,
    gpuSeconds: job.gpuSeconds,
    energyWh: job.energyWh,
    pricePerGpuHour: job.price.toString(),
    amount: job.amount.toString(),
    receipt: job.receipt,
    voucher: job.voucher,
    claimTx: job.claimTx,
    declineReason: job.reason,
  };
}
