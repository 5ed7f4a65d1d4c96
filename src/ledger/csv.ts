import { formatTokens } from '../api/money.js';
import { electricityCost } from './amount.js';
import type { Job } from './book.js';
import { dateKey, monthOf } from './calendar.js';

/**
 * The ledger as CSV for the owner's books (RFC 4180: comma-separated, CRLF, fields with
 * comma, quote or line break quoted, quotes doubled). Column names are a stable data
 * format, not UI text. Amounts are exact decimal tokens, never rounded; times are
 * ISO 8601 UTC.
 */

export interface CsvOptions {
  timeZone: string;
  /** 'YYYY-MM': only jobs that ended (or, if never ended, were offered) that month. */
  month?: string;
  /** Adds electricity cost and net columns at this tariff (base units per kWh). */
  electricityPricePerKwh?: bigint;
}

const COLUMNS = [
  'job_id',
  'kind',
  'state',
  'offered_at',
  'started_at',
  'ended_at',
  'gpu_seconds',
  'energy_wh',
  'price_per_gpu_hour',
  'amount',
  'amount_base_units',
  'receipt_hash',
  'voucher_cumulative',
  'voucher_nonce',
  'payer',
  'chain_id',
  'contract',
  'claim_tx',
  'reason',
];

/** Quotes a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text that came from outside (job ids, kinds) is defused so a spreadsheet never runs
 * it as a formula.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export function toCsv(jobs: Iterable<Job>, options: CsvOptions): string {
  const tariff = options.electricityPricePerKwh;
  const header = tariff === undefined ? COLUMNS : [...COLUMNS, 'electricity_cost', 'net'];
  const rows: string[] = [header.join(',')];
  const selected = [...jobs]
    .filter(
      (job) =>
        options.month === undefined ||
        monthOf(dateKey(job.endedAt ?? job.offeredAt, options.timeZone)) === options.month,
    )
    .sort((a, b) => a.offeredAt - b.offeredAt || a.seq - b.seq);
  for (const job of selected) {
    const v = job.voucher;
    const cells = [
      csvText(job.jobId),
      csvText(job.kind),
      job.state,
      iso(job.offeredAt),
      iso(job.startedAt),
      iso(job.endedAt),
      String(job.gpuSeconds),
      job.energyWh === null ? '' : String(job.energyWh),
      formatTokens(job.price),
      formatTokens(job.amount),
      job.amount.toString(),
      job.receipt?.hash ?? '',
      v ? formatTokens(v.cumulative) : '',
      v?.nonce ?? '',
      v?.payer ?? '',
      v ? String(v.chainId) : '',
      v?.contract ?? '',
      job.claimTx ?? '',
      csvText(job.reason?.key ?? ''),
    ];
    if (tariff !== undefined) {
      const cost = job.energyWh === null ? 0n : electricityCost(job.energyWh, tariff);
      cells.push(formatTokens(cost), formatTokens(job.amount - cost));
    }
    rows.push(cells.join(','));
  }
  return rows.map((row) => `${row}\r\n`).join('');
}
