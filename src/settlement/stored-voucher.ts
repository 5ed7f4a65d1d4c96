import { getAddress } from 'ethers';
import { z } from 'zod';
import type { Voucher as LedgerVoucher } from '../api/ledger-schemas.js';
import { voucherDomain } from '../network/chain/voucher.js';
import type { Voucher } from '../network/chain/voucher.js';
import type { TypedDataDomain } from 'ethers';

/** Checksummed on the way in, so equal addresses compare equal as strings. */
export const AddressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'an address')
  .transform((a) => getAddress(a.toLowerCase()));
export const UintStringSchema = z.string().regex(/^(0|[1-9][0-9]{0,77})$/, 'a whole number');
export const TxHashSchema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a transaction hash');
const SignatureSchema = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'a 65-byte signature');
const ChainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const EpochMs = z.number().int().nonnegative();

/** A payer-signed voucher as kept on disk: everything needed to check and claim it. */
export const StoredVoucherSchema = z.object({
  chainId: ChainIdSchema,
  vault: AddressSchema,
  payer: AddressSchema,
  node: AddressSchema,
  payout: AddressSchema,
  cumulative: UintStringSchema,
  nonce: UintStringSchema,
  deadline: UintStringSchema,
  signature: SignatureSchema,
  receivedAt: EpochMs,
});
export type StoredVoucher = z.infer<typeof StoredVoucherSchema>;

/** A claim transaction signed and (perhaps) broadcast whose outcome is not recorded yet. */
export const PendingClaimSchema = z.object({
  txHash: TxHashSchema,
  /** The signed transaction, so it can be broadcast again if the RPC lost it. */
  raw: z.string().regex(/^0x[0-9a-fA-F]+$/),
  chainId: ChainIdSchema,
  vault: AddressSchema,
  payer: AddressSchema,
  node: AddressSchema,
  payout: AddressSchema,
  cumulative: UintStringSchema,
  sentAt: EpochMs,
});
export type PendingClaim = z.infer<typeof PendingClaimSchema>;

/** A confirmed claim, as the vault's Claimed event stated it. */
export const ClaimEntrySchema = z.object({
  txHash: TxHashSchema,
  chainId: ChainIdSchema,
  vault: AddressSchema,
  payer: AddressSchema,
  node: AddressSchema,
  payout: AddressSchema,
  amount: UintStringSchema,
  cumulative: UintStringSchema,
  at: EpochMs,
});
export type ClaimEntry = z.infer<typeof ClaimEntrySchema>;

export interface VoucherScope {
  chainId: number;
  vault: string;
  payer: string;
}

export function scopeOf(v: VoucherScope): string {
  return `${v.chainId}:${v.vault.toLowerCase()}:${v.payer.toLowerCase()}`;
}

export function toChainVoucher(v: StoredVoucher): Voucher {
  return {
    node: v.node,
    payout: v.payout,
    cumulative: BigInt(v.cumulative),
    nonce: BigInt(v.nonce),
    deadline: BigInt(v.deadline),
  };
}

export function domainOf(v: { chainId: number; vault: string }): TypedDataDomain {
  return voucherDomain(v.chainId, v.vault);
}

/** The ledger keeps a voucher without node, payout and deadline. */
export function toLedgerVoucher(v: StoredVoucher): LedgerVoucher {
  return {
    cumulative: v.cumulative,
    nonce: v.nonce,
    signature: v.signature,
    payer: v.payer,
    chainId: v.chainId,
    contract: v.vault,
  };
}
