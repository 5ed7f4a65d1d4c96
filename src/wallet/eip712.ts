import { z } from 'zod';
import { getAddress, verifyTypedData } from 'ethers';
import type { TypedDataDomain, TypedDataField } from 'ethers';
import { msg, type Message } from '../api/message.js';

/**
 * Usage receipts: the node's signed statement of what a job used, in EIP-712 so a
 * contract or coordinator can check it. Signed by the device key (no password at
 * 3 a.m.); the device key is bound to the payout wallet elsewhere (device-key.ts).
 */

export {
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  USAGE_RECEIPT_TYPES,
} from '../api/usage-receipt.js';
import {
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  USAGE_RECEIPT_TYPES,
} from '../api/usage-receipt.js';

const Bytes32Schema = z.string().regex(/^0x[0-9a-fA-F]{64}$/);
const AddressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .transform((a, ctx) => {
    try {
      return getAddress(a);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'address checksum' });
      return z.NEVER;
    }
  });
const Uint256Schema = z
  .bigint()
  .min(0n)
  .max(2n ** 256n - 1n);

export const UsageReceiptSchema = z.object({
  jobId: Bytes32Schema,
  node: AddressSchema,
  payout: AddressSchema,
  gpuSeconds: Uint256Schema,
  energyWh: Uint256Schema,
  amount: Uint256Schema,
  resultsHash: Bytes32Schema,
  nonce: Uint256Schema,
});
export type UsageReceipt = z.infer<typeof UsageReceiptSchema>;

export const ReceiptDomainSchema = z.object({
  chainId: z.bigint().positive(),
  verifyingContract: AddressSchema,
});
export type ReceiptDomain = z.input<typeof ReceiptDomainSchema>;

export const SignatureSchema = z.string().regex(/^0x[0-9a-fA-F]{130}$/);

export function receiptDomain(domain: ReceiptDomain): TypedDataDomain {
  const d = ReceiptDomainSchema.parse(domain);
  return {
    name: RECEIPT_DOMAIN_NAME,
    version: RECEIPT_DOMAIN_VERSION,
    chainId: d.chainId,
    verifyingContract: d.verifyingContract,
  };
}

/** The minimal signer we need; ethers' Wallet and our DeviceKey both fit. */
export interface TypedDataSigner {
  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string>;
}

export async function signReceipt(
  signer: TypedDataSigner,
  domain: ReceiptDomain,
  receipt: UsageReceipt,
): Promise<string> {
  const value = UsageReceiptSchema.parse(receipt);
  return signer.signTypedData(receiptDomain(domain), USAGE_RECEIPT_TYPES, value);
}

export type ReceiptCheck = { ok: true; signer: string } | { ok: false; reason: Message };

/**
 * Stateless check: well formed, and signed by `receipt.node` for this domain. A
 * changed field, another chain or another contract all recover a different signer.
 */
export function verifyReceipt(
  domain: ReceiptDomain,
  receipt: unknown,
  signature: unknown,
): ReceiptCheck {
  const parsed = UsageReceiptSchema.safeParse(receipt);
  const sig = SignatureSchema.safeParse(signature);
  const dom = ReceiptDomainSchema.safeParse(domain);
  if (!parsed.success || !sig.success || !dom.success)
    return { ok: false, reason: msg('wallet:receipt.malformed') };
  let signer: string;
  try {
    signer = verifyTypedData(receiptDomain(domain), USAGE_RECEIPT_TYPES, parsed.data, sig.data);
  } catch {
    return { ok: false, reason: msg('wallet:receipt.badSignature') };
  }
  if (signer !== parsed.data.node) return { ok: false, reason: msg('wallet:receipt.badSignature') };
  return { ok: true, signer };
}

/**
 * A verifier that also refuses replays: each (node, nonce) is accepted once. The
 * nonce is recorded only for receipts that verify, so garbage cannot burn nonces.
 */
export class ReceiptVerifier {
  readonly #seen: Set<string>;

  constructor(
    private readonly domain: ReceiptDomain,
    seenNonces: Iterable<string> = [],
  ) {
    this.#seen = new Set(seenNonces);
  }

  static nonceKey(node: string, nonce: bigint): string {
    return `${node.toLowerCase()}:${nonce.toString()}`;
  }

  verify(receipt: unknown, signature: unknown): ReceiptCheck {
    const check = verifyReceipt(this.domain, receipt, signature);
    if (!check.ok) return check;
    const { node, nonce } = UsageReceiptSchema.parse(receipt);
    const key = ReceiptVerifier.nonceKey(node, nonce);
    if (this.#seen.has(key))
      return { ok: false, reason: msg('wallet:receipt.nonceReused', { nonce: nonce.toString() }) };
    this.#seen.add(key);
    return check;
  }

  /** For persisting across restarts. */
  seenNonces(): string[] {
    return [...this.#seen];
  }
}
