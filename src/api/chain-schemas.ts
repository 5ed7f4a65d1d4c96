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
