import { z } from 'zod';
import { Bytes32Schema, HexSchema, JobIdSchema, MonthKeySchema } from './ledger-schemas.js';
import { MessageSchema } from './message.js';
import { BaseUnitsSchema } from './money.js';

/**
 * Settlement as the UI sees it: what can be claimed, stake and slashes, reputation, and
 * the month proof an accountant checks. Amounts are decimal strings of token base units;
 * times are epoch milliseconds.
 */

const EpochMsSchema = z.number().int().nonnegative();
const AddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an address');
const ChainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const SignatureSchema = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'a 65-byte signature');

export const ClaimStatusSchema = z.object({
  /** Covered by a voucher and not yet paid out: what a claim would collect. */
  claimable: BaseUnitsSchema,
  /** Credited by the network, no voucher yet. */
  pending: BaseUnitsSchema,
  lastClaim: z
    .object({ txHash: Bytes32Schema, amount: BaseUnitsSchema, at: EpochMsSchema })
    .nullable(),
  /** A claim sent but not confirmed yet; it is checked again before anything else is sent. */
  inFlight: z.object({ txHash: Bytes32Schema }).nullable(),
  /** The owner's auto-claim threshold; null = claim by hand only. */
  autoClaimAbove: BaseUnitsSchema.nullable(),
});
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

export const ClaimResultSchema = z.object({
  txHash: Bytes32Schema,
  amount: BaseUnitsSchema,
  cumulative: BaseUnitsSchema,
});
export type ClaimResultView = z.infer<typeof ClaimResultSchema>;

export const SlashViewSchema = z.object({
  amount: BaseUnitsSchema,
  evidenceHash: Bytes32Schema,
  txHash: Bytes32Schema,
  /** Time of the block that slashed; null when the chain did not say. */
  at: EpochMsSchema.nullable(),
});
export type SlashView = z.infer<typeof SlashViewSchema>;

export const StakeViewSchema = z.object({
  address: AddressSchema,
  stake: BaseUnitsSchema,
  unbonding: BaseUnitsSchema,
  /** When the unbonding amount may be withdrawn; null when nothing is unbonding. */
  releaseAt: EpochMsSchema.nullable(),
  slashes: z.array(SlashViewSchema),
});
export type StakeView = z.infer<typeof StakeViewSchema>;

const StakePasswordSchema = z.string().min(1).max(1024);

export const StakeRequestSchema = z.object({
  /** Base units, more than zero. */
  amount: BaseUnitsSchema.refine((s) => s !== '0', 'more than zero'),
  password: StakePasswordSchema,
});
export type StakeRequest = z.infer<typeof StakeRequestSchema>;

export const UnstakeRequestSchema = StakeRequestSchema;
export type UnstakeRequest = StakeRequest;

export const WithdrawStakeRequestSchema = z.object({ password: StakePasswordSchema });
export type WithdrawStakeRequest = z.infer<typeof WithdrawStakeRequestSchema>;

export const StakeTxResultSchema = z.object({ txHash: Bytes32Schema });
export type StakeTxResult = z.infer<typeof StakeTxResultSchema>;

export const ReputationViewSchema = z.object({
  /** 0–100, higher is better. */
  score: z.number().min(0).max(100),
  missedHeartbeats: z.number().int().nonnegative(),
  committedHours: z.number().nonnegative(),
  /** How many times stake was slashed. */
  slashes: z.number().int().nonnegative(),
  /** Why the score is what it is, in the owner's words. */
  explanation: z.array(MessageSchema),
});
export type ReputationView = z.infer<typeof ReputationViewSchema>;

// ---- month proof ------------------------------------------------------------------

/** A voucher with every field the vault signs, so anyone can check its signature. */
export const ProofVoucherSchema = z.object({
  node: AddressSchema,
  payout: AddressSchema,
  cumulative: BaseUnitsSchema,
  nonce: BaseUnitsSchema,
  deadline: BaseUnitsSchema,
  signature: SignatureSchema,
  payer: AddressSchema,
  chainId: ChainIdSchema,
  vault: AddressSchema,
});
export type ProofVoucher = z.infer<typeof ProofVoucherSchema>;

export const ProofJobSchema = z.object({
  jobId: JobIdSchema,
  endedAt: EpochMsSchema.nullable(),
  amount: BaseUnitsSchema,
  /** The usage receipt the node signed (EIP-712 digest and signature). */
  receipt: z.object({ hash: Bytes32Schema, signature: HexSchema }).nullable(),
  voucher: ProofVoucherSchema,
  claimTx: Bytes32Schema,
});
export type ProofJob = z.infer<typeof ProofJobSchema>;

export const ProofClaimSchema = z.object({
  txHash: Bytes32Schema,
  chainId: ChainIdSchema,
  vault: AddressSchema,
  node: AddressSchema,
  payout: AddressSchema,
  /** What the claim paid. */
  amount: BaseUnitsSchema,
  /** The voucher total it paid up to. */
  cumulative: BaseUnitsSchema,
});
export type ProofClaim = z.infer<typeof ProofClaimSchema>;

/** Earned from a payer before the month's first job: where the month's running total starts. */
export const ProofOpeningSchema = z.object({
  chainId: ChainIdSchema,
  vault: AddressSchema,
  payer: AddressSchema,
  cumulative: BaseUnitsSchema,
});
export type ProofOpening = z.infer<typeof ProofOpeningSchema>;

export const MonthProofSchema = z.object({
  format: z.literal('lumbung-month-proof'),
  version: z.literal(1),
  month: MonthKeySchema,
  timeZone: z.string().min(1).max(64),
  createdAt: EpochMsSchema,
  /** Paid jobs that ended in the month, in the order the ledger credited them. */
  jobs: z.array(ProofJobSchema).max(1_000_000),
  claims: z.array(ProofClaimSchema).max(1_000_000),
  openings: z.array(ProofOpeningSchema).max(10_000),
  /** Σ jobs[].amount. */
  total: BaseUnitsSchema,
});
export type MonthProof = z.infer<typeof MonthProofSchema>;

export const ProofReportSchema = z.object({
  ok: z.boolean(),
  month: MonthKeySchema,
  jobs: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  total: BaseUnitsSchema,
  /** Each thing that did not match; empty when ok. */
  problems: z.array(MessageSchema),
});
export type ProofReport = z.infer<typeof ProofReportSchema>;
