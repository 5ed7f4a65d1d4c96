import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyBook, toEntry, transition } from '../../../src/ledger/book.js';
import { LedgerEntrySchema } from '../../../src/api/ledger-schemas.js';
import {
  CONTRACT,
  PAYER,
  TOKEN,
  finishedJob,
  freshBook,
  hash,
  play,
  voucher,
} from './book-helpers.js';

const claim = (cumulative: bigint, tx: number, payer = PAYER) => ({
  t: 'claim',
  at: 9,
  txHash: hash(tx),
  cumulative: cumulative.toString(),
  payer,
  chainId: 31337,
  contract: CONTRACT,
});

describe('job lifecycle', () => {
  it('walks from offer to claim', () => {
    const book = emptyBook();
    const kinds = play(book, [
      ...finishedJob('a', 1000, 4600_000, 2n * TOKEN, 150),
      { t: 'report', jobId: 'a', at: 5, receipt: { hash: hash(1), signature: '0x01' } },
      {
        t: 'credit',
        jobId: 'a',
        at: 6,
        amount: (2n * TOKEN).toString(),
        voucher: voucher(2n * TOKEN),
      },
      claim(2n * TOKEN, 7),
    ]);
    expect(kinds).toEqual(Array(6).fill('apply'));
    const entry = toEntry(book.jobs.get('a')!);
    expect(LedgerEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      state: 'claimed',
      amount: (2n * TOKEN).toString(),
      claimTx: hash(7),
      energyWh: 150,
      startedAt: 1000,
      endedAt: 4600_000,
    });
  });

  it('rejects what makes no sense and changes nothing', () => {
    const book = freshBook([{ t: 'offer', jobId: 'a', at: 1, kind: 'gpu', price: '10' }]);
    const before = structuredClone(toEntry(book.jobs.get('a')!));
    const bad = [
      { t: 'start', jobId: 'nope', at: 2 },
      { t: 'complete', jobId: 'a', at: 2, gpuSeconds: 1, energyWh: null, amount: '1' },
      { t: 'report', jobId: 'a', at: 2, receipt: { hash: hash(1), signature: '0x' } },
      { t: 'credit', jobId: 'a', at: 2, amount: '1', voucher: null },
    ];
    expect(play(book, bad)).toEqual(['reject', 'reject', 'reject', 'reject']);
    expect(toEntry(book.jobs.get('a')!)).toEqual(before);
    const step = transition(book, { t: 'start', jobId: 'nope', at: 2 });
    expect(step).toMatchObject({ kind: 'reject', message: { key: 'ledger:errors.unknownJob' } });
  });

  it('treats a retry of something already recorded as a no-op', () => {
    const events = [
      ...finishedJob('a', 0, 3600_000, TOKEN),
      { t: 'credit', jobId: 'a', at: 6, amount: TOKEN.toString(), voucher: voucher(TOKEN) },
    ];
    const book = freshBook(events);
    expect(play(book, events)).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
    // The first end wins: a late fail or interrupt does not undo a completion.
    expect(
      play(book, [
        { t: 'fail', jobId: 'a', at: 9, reason: null, gpuSeconds: 0, energyWh: null },
        { t: 'interrupt', jobId: 'a', at: 9, gpuSeconds: 0, energyWh: null, amount: '0' },
      ]),
    ).toEqual(['ignore', 'ignore']);
    expect(book.jobs.get('a')!.state).toBe('credited');
  });

  it('never counts a duplicate credit, whatever amount it claims', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 24n }), { minLength: 1, maxLength: 8 }),
        (amounts) => {
          const book = freshBook(finishedJob('a', 0, 1000, 5n));
          for (const [i, amount] of amounts.entries()) {
            play(book, [
              {
                t: 'credit',
                jobId: 'a',
                at: i,
                amount: amount.toString(),
                voucher: voucher(amount),
              },
            ]);
          }
          expect(book.jobs.get('a')!.amount).toBe(amounts[0]);
        },
      ),
    );
  });

  it('lets a voucher follow a bare credit of the same amount', () => {
    const book = freshBook(finishedJob('a', 0, 1000, 5n));
    expect(
      play(book, [
        { t: 'credit', jobId: 'a', at: 1, amount: '5', voucher: null },
        { t: 'credit', jobId: 'a', at: 2, amount: '6', voucher: voucher(6n) },
        { t: 'credit', jobId: 'a', at: 3, amount: '5', voucher: voucher(5n) },
        { t: 'credit', jobId: 'a', at: 4, amount: '5', voucher: voucher(5n, 2) },
      ]),
    ).toEqual(['apply', 'ignore', 'apply', 'ignore']);
    expect(book.jobs.get('a')!.voucher?.nonce).toBe('1');
  });
});

describe('claims', () => {
  const credited = (jobId: string, amount: bigint, cumulative: bigint, payer = PAYER) => [
    ...finishedJob(jobId, 0, 1000, amount),
    {
      t: 'credit',
      jobId,
      at: 2,
      amount: amount.toString(),
      voucher: { ...voucher(cumulative), payer },
    },
  ];

  it('pays every voucher up to the cumulative amount, in its own scope only', () => {
    const other = '0x' + '33'.repeat(20);
    const book = freshBook([
      ...credited('a', 1n, 1n),
      ...credited('b', 2n, 3n),
      ...credited('c', 4n, 7n),
      ...credited('x', 9n, 1n, other),
    ]);
    expect(play(book, [claim(3n, 1)])).toEqual(['apply']);
    const state = (id: string) => [book.jobs.get(id)!.state, book.jobs.get(id)!.claimTx];
    expect(state('a')).toEqual(['claimed', hash(1)]);
    expect(state('b')).toEqual(['claimed', hash(1)]);
    expect(state('c')).toEqual(['credited', null]);
    expect(state('x')).toEqual(['credited', null]);
    // An older or equal claim changes nothing; a later one pays the rest.
    expect(play(book, [claim(3n, 2), claim(1n, 3), claim(7n, 4)])).toEqual([
      'ignore',
      'ignore',
      'apply',
    ]);
    expect(state('a')).toEqual(['claimed', hash(1)]);
    expect(state('c')).toEqual(['claimed', hash(4)]);
  });

  it('marks a credit already covered by a recorded claim as paid', () => {
    const book = freshBook([...credited('a', 1n, 1n), claim(5n, 1), ...credited('b', 4n, 5n)]);
    expect(book.jobs.get('b')!.state).toBe('claimed');
    expect(book.jobs.get('b')!.claimTx).toBe(hash(1));
  });
});
