import { z } from 'zod';
import { MessageSchema } from './message.js';
import { BaseUnitsSchema, SignedBaseUnitsSchema } from './money.js';

/**
 * What the UI sees of the earnings ledger. Times are epoch milliseconds (UTC); amounts
 * are decimal strings of token base units (see money.ts); the ledger keeps bigints.
 */

export const LedgerStateSchema = z.enum([
  'offered',
  'declined',
  'running',
  'completed',
  'failed',
  'interrupted',
  'reported',
  'credited',
  'claimed',
]);
export type LedgerState = z.infer<typeof LedgerStateSchema>;

const EpochMsSchema = z.number().int().nonnegative();
export const HexSchema = z.string().regex(/^0x[0-9a-fA-F]*$/, 'a 0x-prefixed hex string');
export const Bytes32Schema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a 32-byte hex hash');
export const AddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an address');
export const JobIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const UsageReceiptRefSchema = z.object({ hash: Bytes32Schema, signature: HexSchema });
export type UsageReceiptRef = z.infer<typeof UsageReceiptRefSchema>;

/** A cumulative payment voucher: the payer owes `cumulative` in total, not per job. */
export const VoucherSchema = z.object({
  cumulative: BaseUnitsSchema,
  nonce: BaseUnitsSchema,
  signature: HexSchema,
  payer: AddressSchema,
  chainId: z.number().int().positive(),
  contract: AddressSchema,
});
export type Voucher = z.infer<typeof VoucherSchema>;

export const LedgerEntrySchema = z.object({
  jobId: JobIdSchema,
  offeredAt: EpochMsSchema,
  startedAt: EpochMsSchema.nullable(),
  endedAt: EpochMsSchema.nullable(),
  state: LedgerStateSchema,
  /** The kind of work as the network names it, e.g. "gpu" or "cpu". */
  kind: z.string().min(1).max(64),
  /** Running (not paused) seconds × GPUs. */
  gpuSeconds: z.number().nonnegative(),
  energyWh: z.number().nonnegative().nullable(),
  /** Base units per GPU-hour. */
  pricePerGpuHour: BaseUnitsSchema,
  /** Base units earned: computed at completion, replaced by what the network credits. */
  amount: BaseUnitsSchema,
  receipt: UsageReceiptRefSchema.nullable(),
  voucher: VoucherSchema.nullable(),
  claimTx: Bytes32Schema.nullable(),
  /** Why the job was declined or failed, for the owner. */
  declineReason: MessageSchema.nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/**
 * Money over one period, all in base units. `earned = pending + claimable + claimed`:
 * pending is work done but not yet payable on-chain, claimable has a voucher, claimed
 * has been paid. `net = earned − electricityCost` and may be negative.
 */
export const PeriodTotalsSchema = z.object({
  earned: BaseUnitsSchema,
  pending: BaseUnitsSchema,
  claimable: BaseUnitsSchema,
  claimed: BaseUnitsSchema,
  electricityCost: BaseUnitsSchema,
  net: SignedBaseUnitsSchema,
});
export type PeriodTotals = z.infer<typeof PeriodTotalsSchema>;

export const DateKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const MonthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const DayTotalsSchema = z.object({
  date: DateKeySchema,
  earned: BaseUnitsSchema,
  net: SignedBaseUnitsSchema,
});
export type DayTotals = z.infer<typeof DayTotalsSchema>;

/**
 * Periods are calendar periods in the owner's time zone (week starts Monday); a job
 * counts on the day it ended. `perDay` holds the last 30 days, oldest first, today last.
 * `perHourEstimate` is base units earned per hour of running over those 30 days, or
 * null before anything has run.
 */
export const EarningsSummarySchema = z.object({
  timeZone: z.string(),
  today: PeriodTotalsSchema,
  week: PeriodTotalsSchema,
  month: PeriodTotalsSchema,
  allTime: PeriodTotalsSchema,
  perDay: z.array(DayTotalsSchema),
  perHourEstimate: BaseUnitsSchema.nullable(),
});
export type EarningsSummary = z.infer<typeof EarningsSummarySchema>;

/** Paging over entries, newest offer first; `month` is matched in `timeZone`. */
export const EarningsQuerySchema = z.object({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
  month: MonthKeySchema.optional(),
  timeZone: z.string().min(1).max(64).default('UTC'),
  states: z.array(LedgerStateSchema).optional(),
});
export type EarningsQuery = z.input<typeof EarningsQuerySchema>;

export const EarningsPageSchema = z.object({
  entries: z.array(LedgerEntrySchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type EarningsPage = z.infer<typeof EarningsPageSchema>;
