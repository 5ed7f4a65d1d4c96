import { z } from 'zod';
import { MessageSchema } from '../api/message.js';
import { BaseUnitsSchema } from '../api/money.js';
import {
  AddressSchema,
  Bytes32Schema,
  JobIdSchema,
  UsageReceiptRefSchema,
  VoucherSchema,
} from '../api/ledger-schemas.js';

/**
 * The journal's event format, version 1. Lines on disk outlive the code that wrote
 * them: change a shape only by adding a new `t`, never by editing one.
 */

const At = z.number().int().nonnegative();
const Measure = z.number().nonnegative().max(1e12);

export const OfferEventSchema = z.object({
  t: z.literal('offer'),
  jobId: JobIdSchema,
  at: At,
  kind: z.string().min(1).max(64),
  price: BaseUnitsSchema,
});
export const DeclineEventSchema = z.object({
  t: z.literal('decline'),
  jobId: JobIdSchema,
  at: At,
  reason: MessageSchema,
});
export const StartEventSchema = z.object({ t: z.literal('start'), jobId: JobIdSchema, at: At });
export const CompleteEventSchema = z.object({
  t: z.literal('complete'),
  jobId: JobIdSchema,
  at: At,
  gpuSeconds: Measure,
  energyWh: Measure.nullable(),
  amount: BaseUnitsSchema,
});
export const FailEventSchema = z.object({
  t: z.literal('fail'),
  jobId: JobIdSchema,
  at: At,
  reason: MessageSchema.nullable(),
  gpuSeconds: Measure,
  energyWh: Measure.nullable(),
});
export const InterruptEventSchema = z.object({
  t: z.literal('interrupt'),
  jobId: JobIdSchema,
  at: At,
  gpuSeconds: Measure,
  energyWh: Measure.nullable(),
  amount: BaseUnitsSchema,
});
export const ReportEventSchema = z.object({
  t: z.literal('report'),
  jobId: JobIdSchema,
  at: At,
  receipt: UsageReceiptRefSchema,
});
export const CreditEventSchema = z.object({
  t: z.literal('credit'),
  jobId: JobIdSchema,
  at: At,
  amount: BaseUnitsSchema,
  voucher: VoucherSchema.nullable(),
});
export const ClaimEventSchema = z.object({
  t: z.literal('claim'),
  at: At,
  txHash: Bytes32Schema,
  cumulative: BaseUnitsSchema,
  payer: AddressSchema,
  chainId: z.number().int().positive(),
  contract: AddressSchema,
});

export const LedgerEventSchema = z.discriminatedUnion('t', [
  OfferEventSchema,
  DeclineEventSchema,
  StartEventSchema,
  CompleteEventSchema,
  FailEventSchema,
  InterruptEventSchema,
  ReportEventSchema,
  CreditEventSchema,
  ClaimEventSchema,
]);
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
export type ClaimEvent = z.infer<typeof ClaimEventSchema>;
