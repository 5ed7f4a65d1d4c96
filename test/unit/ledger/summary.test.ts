import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarize } from '../../../src/ledger/summary.js';
import { dateKey, weekStart } from '../../../src/ledger/calendar.js';
import { EarningsSummarySchema } from '../../../src/api/ledger-schemas.js';
import type { PeriodTotals } from '../../../src/api/ledger-schemas.js';
import {
  TOKEN,
  finishedJob,
  freshBook,
  hash,
  play,
  voucher,
  CONTRACT,
  PAYER,
} from './book-helpers.js';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function endedAt(end: number, amount: bigint, id: string, energyWh: number | null = null) {
  return finishedJob(id, end - HOUR, end, amount, energyWh);
}

describe('summarize in a time zone', () => {
  // Jakarta is UTC+7 all year.
  const tz = 'Asia/Jakarta';
  const now = utc('2024-04-01T05:00:00Z'); // Monday 1 April, 12:00 in Jakarta

  it('puts a job on the local day it ended, across day, week and month boundaries', () => {
    const book = freshBook([
      ...endedAt(utc('2024-03-31T16:59:59Z'), 1n, 'sun-2359'), // Sun 31 Mar 23:59:59 local
      ...endedAt(utc('2024-03-31T17:00:00Z'), 10n, 'mon-0000'), // Mon 1 Apr 00:00 local
      ...endedAt(utc('2024-03-25T00:00:00Z'), 100n, 'last-mon'), // Mon 25 Mar
      ...endedAt(utc('2024-02-29T18:00:00Z'), 1000n, 'leap'), // Fri 1 Mar 01:00 local
    ]);
    const s = summarize(book.jobs.values(), { now, timeZone: tz, electricityPricePerKwh: 0n });
    expect(EarningsSummarySchema.parse(s)).toEqual(s);
    expect(s.today.earned).toBe('10');
    expect(s.week.earned).toBe('10'); // the week began at Monday local midnight
    expect(s.month.earned).toBe('10');
    expect(s.allTime.earned).toBe('1111');
    const day = (d: string) => s.perDay.find((p) => p.date === d)?.earned;
    expect(day('2024-03-31')).toBe('1');
    expect(day('2024-04-01')).toBe('10');
    expect(day('2024-03-25')).toBe('100');
    expect(day('2024-03-01')).toBeUndefined(); // 31 days back: outside the 30-day window
    expect(s.perDay).toHaveLength(30);
    expect(s.perDay[0]!.date).toBe('2024-03-03');
    expect(s.perDay[29]!.date).toBe('2024-04-01');

    // The same instants seen from UTC fall on other days.
    const inUtc = summarize(book.jobs.values(), {
      now,
      timeZone: 'UTC',
      electricityPricePerKwh: 0n,
    });
    expect(inUtc.today.earned).toBe('0');
    expect(inUtc.month.earned).toBe('0');
    expect(inUtc.perDay.find((p) => p.date === '2024-03-31')?.earned).toBe('11');
  });

  it('handles a daylight-saving day that is 23 hours long', () => {
    // New York springs forward on Sun 10 March 2024.
    const ny = 'America/New_York';
    const book = freshBook([
      ...endedAt(utc('2024-03-10T04:59:00Z'), 1n, 'sat'), // Sat 23:59 EST
      ...endedAt(utc('2024-03-10T05:00:00Z'), 2n, 'sun-start'), // Sun 00:00 EST
      ...endedAt(utc('2024-03-11T03:59:00Z'), 4n, 'sun-end'), // Sun 23:59 EDT
      ...endedAt(utc('2024-03-11T04:00:00Z'), 8n, 'mon'), // Mon 00:00 EDT
    ]);
    const s = summarize(book.jobs.values(), {
      now: utc('2024-03-10T20:00:00Z'),
      timeZone: ny,
      electricityPricePerKwh: 0n,
    });
    expect(s.today.earned).toBe('6');
    expect(s.week.earned).toBe('7'); // Mon 4 – Sun 10 March
    expect(s.allTime.earned).toBe('15'); // Monday's job is in the future: all time only
  });

  it('splits money into pending, claimable and claimed, net of electricity', () => {
    const end = utc('2024-04-01T03:00:00Z');
    const book = freshBook([
      ...endedAt(end, 5n * TOKEN, 'pending', 1000),
      ...endedAt(end, 3n * TOKEN, 'claimable', 500),
      ...endedAt(end, 2n * TOKEN, 'claimed', null),
      {
        t: 'credit',
        jobId: 'claimable',
        at: end,
        amount: (3n * TOKEN).toString(),
        voucher: voucher(5n * TOKEN, 2),
      },
      {
        t: 'credit',
        jobId: 'claimed',
        at: end,
        amount: (2n * TOKEN).toString(),
        voucher: voucher(2n * TOKEN, 1),
      },
    ]);
    play(book, [
      {
        t: 'claim',
        at: end,
        txHash: hash(1),
        cumulative: (2n * TOKEN).toString(),
        payer: PAYER,
        chainId: 31337,
        contract: CONTRACT,
      },
    ]);
    const s = summarize(book.jobs.values(), {
      now,
      timeZone: tz,
      electricityPricePerKwh: 4n * TOKEN,
    });
    const expected: PeriodTotals = {
      earned: (10n * TOKEN).toString(),
      pending: (5n * TOKEN).toString(),
      claimable: (3n * TOKEN).toString(),
      claimed: (2n * TOKEN).toString(),
      electricityCost: (6n * TOKEN).toString(), // 1.5 kWh × 4
      net: (4n * TOKEN).toString(),
    };
    expect(s.today).toEqual(expected);
    expect(s.allTime).toEqual(expected);
  });

  it('goes negative when electricity costs more than the work earned', () => {
    const book = freshBook(endedAt(now - HOUR, 1n, 'a', 1));
    const s = summarize(book.jobs.values(), { now, timeZone: tz, electricityPricePerKwh: TOKEN });
    expect(s.today.net).toBe((1n - TOKEN / 1000n).toString());
    expect(s.perDay.at(-1)!.net).toBe(s.today.net);
  });

  it('estimates earnings per running hour', () => {
    const book = freshBook([
      ...endedAt(now - HOUR, 3n * TOKEN, 'a'),
      ...endedAt(now - 2 * HOUR, TOKEN, 'b'),
    ]);
    const s = summarize(book.jobs.values(), { now, timeZone: tz, electricityPricePerKwh: 0n });
    expect(s.perHourEstimate).toBe((2n * TOKEN).toString());
    const none = summarize([], { now, timeZone: tz, electricityPricePerKwh: 0n });
    expect(none.perHourEstimate).toBeNull();
    expect(none.allTime.net).toBe('0');
  });

  it('adds up exactly: days to weeks, months and all time, in any zone', () => {
    const zones = [
      'UTC',
      'Asia/Jakarta',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: utc('2020-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }),
        fc.array(
          fc.record({
            ago: fc.integer({ min: 0, max: 28 * DAY }),
            amount: fc.bigInt({ min: 0n, max: 10n ** 21n }),
            wh: fc.option(fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 1000)),
          }),
          { maxLength: 25 },
        ),
        fc.bigInt({ min: 0n, max: TOKEN }),
        (timeZone, now, jobs, tariff) => {
          const book = freshBook(
            jobs.flatMap((j, i) => endedAt(now - j.ago, j.amount, `j${i}`, j.wh)),
          );
          const s = summarize(book.jobs.values(), {
            now,
            timeZone,
            electricityPricePerKwh: tariff,
          });
          const sum = (days: typeof s.perDay, f: 'earned' | 'net') =>
            days.reduce((acc, d) => acc + BigInt(d[f]), 0n).toString();
          const today = dateKey(now, timeZone);
          expect(sum(s.perDay, 'earned')).toBe(s.allTime.earned);
          expect(sum(s.perDay, 'net')).toBe(s.allTime.net);
          const inWeek = s.perDay.filter((d) => d.date >= weekStart(today));
          expect(sum(inWeek, 'earned')).toBe(s.week.earned);
          expect(sum(inWeek, 'net')).toBe(s.week.net);
          const inMonth = s.perDay.filter((d) => d.date.startsWith(today.slice(0, 7)));
          expect(sum(inMonth, 'net')).toBe(s.month.net);
          for (const p of [s.today, s.week, s.month, s.allTime]) {
            expect(BigInt(p.pending) + BigInt(p.claimable) + BigInt(p.claimed)).toBe(
              BigInt(p.earned),
            );
            expect(BigInt(p.earned) - BigInt(p.electricityCost)).toBe(BigInt(p.net));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
