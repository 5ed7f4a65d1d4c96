import { z } from 'zod';

/**
 * Chain data as it travels in the protocol, the ledger and the API. uint256 values are
 * decimal strings (JSON has no bigint and floats would lose wei); convert with BigInt()
 * at the edge. Addresses are checked for shape here; checksum checks need ethers and
 * happen in src/network/chain.
 */

const UINT256_MAX = (1n << 256n) - 1n;

export const Uint256StringSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/, 'expected a non-negative decimal integer')
  .refine((s) => s.length <= 78 && BigInt(s) <= UINT256_MAX, 'exceeds uint256');
export type Uint256String = z.infer<typeof Uint256StringSchema>;

export const ChainAddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x address');
export const ChainBytes32Schema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'expected 32 bytes of hex');
export const ChainTxHashSchema = ChainBytes32Schema;
/** 65-byte r‖s‖v signature, as ethers' signTypedData returns it. */
export const EcdsaSignatureSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 65-byte signature');
export const ChainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Mirrors `PaymentVault.Voucher`: the node's total earnings to date, signed by the payer. */
export const PaymentVoucherSchema = z.strictObject({
  node: ChainAddressSchema,
  payout: ChainAddressSchema,
  cumulative: Uint256StringSchema,
  nonce: Uint256StringSchema,
  /** Unix seconds after which the vault refuses the voucher. */
  deadline: Uint256StringSchema,
});
export type PaymentVoucherWire = z.infer<typeof PaymentVoucherSchema>;

/** A voucher with everything needed to check and claim it without asking anyone. */
export const SignedPaymentVoucherSchema = z.strictObject({
  voucher: PaymentVoucherSchema,
  signature: EcdsaSignatureSchema,
  chainId: ChainIdSchema,
  vault: ChainAddressSchema,
});
export type SignedPaymentVoucher = z.infer<typeof SignedPaymentVoucherSchema>;

export const ClaimRecordSchema = z.strictObject({
  node: ChainAddressSchema,
  payout: ChainAddressSchema,
  /** What this claim paid: the voucher's cumulative minus what was claimed before. */
  amount: Uint256StringSchema,
  cumulative: Uint256StringSchema,
  txHash: ChainTxHashSchema,
  blockNumber: z.number().int().nonnegative(),
  chainId: ChainIdSchema,
  vault: ChainAddressSchema,
  /** ISO 8601 time of the block that included the claim. */
  claimedAt: z.iso.datetime(),
});
export type ClaimRecord = z.infer<typeof ClaimRecordSchema>;

export const SlashRecordSchema = z.strictObject({
  amount: Uint256StringSchema,
  evidenceHash: ChainBytes32Schema,
  txHash: ChainTxHashSchema,
  blockNumber: z.number().int().nonnegative(),
});
export type SlashRecord = z.infer<typeof SlashRecordSchema>;

export const StakeInfoSchema = z.strictObject({
  node: ChainAddressSchema,
  stake: Uint256StringSchema,
  unbonding: z.strictObject({
    amount: Uint256StringSchema,
    /** Unix seconds when the unbonding amount may be withdrawn; "0" when none. */
    releaseAt: Uint256StringSchema,
  }),
  slashCount: z.number().int().nonnegative(),
  slashes: z.array(SlashRecordSchema),
});
export type StakeInfo = z.infer<typeof StakeInfoSchema>;

/** Reputation as shown to the owner: uptime in committed windows, jobs and slashes. */
export const ReputationSchema = z.strictObject({
  node: ChainAddressSchema,
  /** 0–100, higher is better. */
  score: z.number().min(0).max(100),
  /** Share of committed time the node was verifiably online, 0–1. */
  uptime: z.number().min(0).max(1),
  committedSeconds: z.number().int().nonnegative(),
  jobsCompleted: z.number().int().nonnegative(),
  jobsFailed: z.number().int().nonnegative(),
  slashCount: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
});
export type Reputation = z.infer<typeof ReputationSchema>;
