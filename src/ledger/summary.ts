import type { DayTotals, EarningsSummary, PeriodTotals } from '../api/ledger-schemas.js';
import { electricityCost } from './amount.js';
import type { Job } from './book.js';
import { addDays, dateKey, monthOf, weekStart } from './calendar.js';

/**
 * Earnings per period, pure. A job counts on the local day it ended (declined, running
 * and offered jobs have no money and no metered energy yet). Each job's electricity cost
 * is rounded up on its own and then summed, so days add up exactly to months.
 */

export interface SummaryOptions {
  now: number;
  timeZone: string;
  /** The owner's tariff in token base units per kWh. */
  electricityPricePerKwh: bigint;
}

const PER_DAY_DAYS = 30;

class Totals {
  earned = 0n;
  pending = 0n;
  claimable = 0n;
  claimed = 0n;
  electricityCost = 0n;

  add(job: Job, cost: bigint): void {
    this.earned += job.amount;
    if (job.state === 'claimed') this.claimed += job.amount;
    else if (job.state === 'credited' && job.voucher !== null) this.claimable += job.amount;
    else this.pending += job.amount;
    this.electricityCost += cost;
  }

  get net(): bigint {
    return this.earned - this.electricityCost;
  }

  toJSON(): PeriodTotals {
    return {
      earned: this.earned.toString(),
      pending: this.pending.toString(),
      claimable: this.claimable.toString(),
      claimed: this.claimed.toString(),
      electricityCost: this.electricityCost.toString(),
      net: this.net.toString(),
    };
  }
}

export function summarize(jobs: Iterable<Job>, options: SummaryOptions): EarningsSummary {
  const today = dateKey(options.now, options.timeZone);
  const monday = weekStart(today);
  const month = monthOf(today);
  const firstDay = addDays(today, -(PER_DAY_DAYS - 1));
  const totals = {
    today: new Totals(),
    week: new Totals(),
    month: new Totals(),
    all: new Totals(),
  };
  const days = new Map<string, Totals>();
  for (let i = 0; i < PER_DAY_DAYS; i++) days.set(addDays(firstDay, i), new Totals());
  let recentEarned = 0n;
  let recentRunMs = 0n;

  for (const job of jobs) {
    if (job.endedAt === null || job.state === 'declined') continue;
    const day = dateKey(job.endedAt, options.timeZone);
    const cost =
      job.energyWh === null ? 0n : electricityCost(job.energyWh, options.electricityPricePerKwh);
    totals.all.add(job, cost);
    if (day > today) continue; // clock skew: counted in all time only
    if (day === today) totals.today.add(job, cost);
    if (day >= monday) totals.week.add(job, cost);
    if (monthOf(day) === month) totals.month.add(job, cost);
    const bucket = days.get(day);
    if (bucket) {
      bucket.add(job, cost);
      if (job.startedAt !== null && job.endedAt > job.startedAt) {
        recentEarned += job.amount;
        recentRunMs += BigInt(job.endedAt - job.startedAt);
      }
    }
  }

  const perDay: DayTotals[] = [...days].map(([date, t]) => ({
    date,
    earned: t.earned.toString(),
    net: t.net.toString(),
  }));
  return {
    timeZone: options.timeZone,
    today: totals.today.toJSON(),
    week: totals.week.toJSON(),
    month: totals.month.toJSON(),
    allTime: totals.all.toJSON(),
    perDay,
    perHourEstimate:
      recentRunMs === 0n ? null : ((recentEarned * 3_600_000n) / recentRunMs).toString(),
  };
}
