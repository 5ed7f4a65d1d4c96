import { emptyBook, transition } from '../../../src/ledger/book.js';
import type { Book } from '../../../src/ledger/book.js';
import { LedgerEventSchema } from '../../../src/ledger/events.js';

export const TOKEN = 10n ** 18n;
export const PAYER = '0x' + '11'.repeat(20);
export const CONTRACT = '0x' + '22'.repeat(20);
export const hash = (n: number): string => '0x' + n.toString(16).padStart(64, '0');

/** Applies events the way the ledger does, returning what each did. */
export function play(book: Book, events: unknown[]): string[] {
  return events.map((raw, i) => {
    const step = transition(book, LedgerEventSchema.parse(raw));
    if (step.kind === 'apply') step.run(i + 1);
    return step.kind;
  });
}

export function voucher(cumulative: bigint, nonce = 1) {
  return {
    cumulative: cumulative.toString(),
    nonce: String(nonce),
    signature: '0xabcd',
    payer: PAYER,
    chainId: 31337,
    contract: CONTRACT,
  };
}

/** A job that ran from `start` to `end` (epoch ms) and earned `amount`. */
export function finishedJob(
  jobId: string,
  start: number,
  end: number,
  amount: bigint,
  energyWh: number | null = null,
): unknown[] {
  return [
    { t: 'offer', jobId, at: start, kind: 'gpu', price: (TOKEN * 2n).toString() },
    { t: 'start', jobId, at: start },
    {
      t: 'complete',
      jobId,
      at: end,
      gpuSeconds: (end - start) / 1000,
      energyWh,
      amount: amount.toString(),
    },
  ];
}

export function freshBook(events: unknown[]): Book {
  const book = emptyBook();
  play(book, events);
  return book;
}
