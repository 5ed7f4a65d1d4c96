import { ApiFailure } from '../api/envelope.js';
import { LedgerError } from '../ledger/ledger.js';
import { ChainError } from '../network/chain/chain-error.js';
import { SandboxError } from '../sandbox/errors.js';
import { WalletError } from '../wallet/errors.js';

/**
 * Turns the parts' own owner-readable errors into API failures, so the UI shows their
 * words; anything else stays an internal error (logged, never shown raw).
 */
export function toApiFailure(error: unknown): unknown {
  if (error instanceof ApiFailure) return error;
  if (error instanceof WalletError) return new ApiFailure('failed', error.info);
  if (error instanceof ChainError) return new ApiFailure('unavailable', error.userMessage);
  if (error instanceof LedgerError) return new ApiFailure('failed', error.detail);
  if (error instanceof SandboxError) return new ApiFailure('failed', error.reason);
  return error;
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiFailure(error);
  }
}
