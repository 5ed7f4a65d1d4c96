import { TypedDataEncoder, getAddress, verifyTypedData } from 'ethers';
import type { Signer, TypedDataDomain, TypedDataField } from 'ethers';
import { PaymentVoucherSchema } from '../../api/chain-schemas.js';
import type { PaymentVoucherWire } from '../../api/chain-schemas.js';
import { msg } from '../../api/message.js';
import { ChainError } from './chain-error.js';

/** Mirrors `PaymentVault.Voucher`; amounts and times are bigint like on chain. */
export interface Voucher {
  node: string;
  payout: string;
  /** Total earned by `node` to date, in token base units. */
  cumulative: bigint;
  nonce: bigint;
  /** Unix seconds; the vault refuses the voucher after this. */
  deadline: bigint;
}

export const VOUCHER_DOMAIN_NAME = 'Lumbung PaymentVault';
export const VOUCHER_DOMAIN_VERSION = '1';

export const VOUCHER_TYPES: Record<string, TypedDataField[]> = {
  Voucher: [
    { name: 'node', type: 'address' },
    { name: 'payout', type: 'address' },
    { name: 'cumulative', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};

/** The EIP-712 domain of one vault on one chain: a voucher is good only there. */
export function voucherDomain(chainId: bigint | number, vault: string): TypedDataDomain {
  return {
    name: VOUCHER_DOMAIN_NAME,
    version: VOUCHER_DOMAIN_VERSION,
    chainId: BigInt(chainId),
    verifyingContract: getAddress(vault),
  };
}

export function signVoucher(
  payer: Signer,
  domain: TypedDataDomain,
  voucher: Voucher,
): Promise<string> {
  return payer.signTypedData(domain, VOUCHER_TYPES, { ...voucher });
}

/** The EIP-712 digest the vault's `hashVoucher` computes. */
export function hashVoucher(domain: TypedDataDomain, voucher: Voucher): string {
  return TypedDataEncoder.hash(domain, VOUCHER_TYPES, { ...voucher });
}

/** The signer's address, or null when the signature is malformed. */
export function recoverVoucherSigner(
  domain: TypedDataDomain,
  voucher: Voucher,
  signature: string,
): string | null {
  try {
    return verifyTypedData(domain, VOUCHER_TYPES, { ...voucher }, signature);
  } catch {
    return null;
  }
}

/** True when `signature` over `voucher` in `domain` was made by `payer`. */
export function verifyVoucher(
  domain: TypedDataDomain,
  voucher: Voucher,
  signature: string,
  payer: string,
): boolean {
  const signer = recoverVoucherSigner(domain, voucher, signature);
  return signer !== null && signer === getAddress(payer);
}

export function voucherToWire(v: Voucher): PaymentVoucherWire {
  return {
    node: getAddress(v.node),
    payout: getAddress(v.payout),
    cumulative: v.cumulative.toString(),
    nonce: v.nonce.toString(),
    deadline: v.deadline.toString(),
  };
}

/** Validates a voucher received from outside; throws a ChainError that says what is wrong. */
export function voucherFromWire(input: unknown): Voucher {
  const parsed = PaymentVoucherSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ChainError('voucherInvalid', msg('chain:voucher.invalid', { detail }));
  }
  const w = parsed.data;
  let node: string;
  let payout: string;
  try {
    node = getAddress(w.node);
    payout = getAddress(w.payout);
  } catch (cause) {
    throw new ChainError(
      'voucherInvalid',
      msg('chain:voucher.invalid', { detail: 'address checksum' }),
      {
        cause,
      },
    );
  }
  return {
    node,
    payout,
    cumulative: BigInt(w.cumulative),
    nonce: BigInt(w.nonce),
    deadline: BigInt(w.deadline),
  };
}
