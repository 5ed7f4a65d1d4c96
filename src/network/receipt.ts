import { TypedDataEncoder, getAddress, keccak256, toUtf8Bytes, verifyTypedData } from 'ethers';
import type { TypedDataDomain } from 'ethers';
import type { SignedReceipt, UsageReceiptFields } from '../api/protocol-schemas.js';

/**
 * The EIP-712 usage receipt a node signs when it finishes a job. The wallet signs with
 * the same types and domain; the coordinator verifies before crediting.
 */
export {
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  USAGE_RECEIPT_TYPES as RECEIPT_TYPES,
} from '../api/usage-receipt.js';
import {
  RECEIPT_DOMAIN_NAME,
  RECEIPT_DOMAIN_VERSION,
  USAGE_RECEIPT_TYPES as RECEIPT_TYPES,
} from '../api/usage-receipt.js';

export function receiptDomain(chainId: bigint | number, vault: string): TypedDataDomain {
  return {
    name: RECEIPT_DOMAIN_NAME,
    version: RECEIPT_DOMAIN_VERSION,
    chainId: BigInt(chainId),
    verifyingContract: getAddress(vault),
  };
}

/** Protocol job ids are strings; the receipt carries keccak256 of their UTF-8 bytes. */
export function jobIdToBytes32(jobId: string): string {
  return keccak256(toUtf8Bytes(jobId));
}

/** The typed-data value ethers signs: uint256 as bigint. */
export function receiptValue(fields: UsageReceiptFields): Record<string, string | bigint> {
  return {
    jobId: fields.jobId,
    node: getAddress(fields.node),
    payout: getAddress(fields.payout),
    gpuSeconds: BigInt(fields.gpuSeconds),
    energyWh: BigInt(fields.energyWh),
    amount: BigInt(fields.amount),
    resultsHash: fields.resultsHash,
    nonce: BigInt(fields.nonce),
  };
}

export function hashReceipt(domain: TypedDataDomain, fields: UsageReceiptFields): string {
  return TypedDataEncoder.hash(domain, RECEIPT_TYPES, receiptValue(fields));
}

/** The signer's address, or null when the signature or a field is malformed. */
export function recoverReceiptSigner(
  domain: TypedDataDomain,
  receipt: SignedReceipt,
): string | null {
  try {
    const { signature, ...fields } = receipt;
    return verifyTypedData(domain, RECEIPT_TYPES, receiptValue(fields), signature);
  } catch {
    return null;
  }
}
