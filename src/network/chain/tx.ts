import type { ContractTransactionReceipt } from 'ethers';
import { msg } from '../../api/message.js';
import { ChainError } from './chain-error.js';

/** Waits for a sent transaction and fails unless it was mined successfully. */
export async function mined(tx: {
  wait(): Promise<ContractTransactionReceipt | null>;
}): Promise<ContractTransactionReceipt> {
  const receipt = await tx.wait();
  if (receipt === null || receipt.status !== 1)
    throw new ChainError('rejected', msg('chain:errors.rejected'));
  return receipt;
}

/** An ethers Result (or any iterable a contract call returns) as a plain array for zod. */
export function resultItems(value: unknown): unknown[] {
  if (typeof value === 'object' && value !== null && Symbol.iterator in value) {
    return [...(value as Iterable<unknown>)];
  }
  return [value];
}
