import { msg } from '../api/message.js';
import type { Message, MessageValues } from '../api/message.js';
import { ChainError } from '../network/chain/chain-error.js';

/**
 * What settlement throws on purpose: a stable `code` for programs and a message key for
 * the owner. Chain failures keep the chain's own message (chain: keys).
 */
export class SettlementError extends Error {
  readonly code: string;
  readonly userMessage: Message;

  constructor(code: string, userMessage: Message, options?: { cause?: unknown }) {
    super(`${code}: ${userMessage.key}`, options);
    this.name = 'SettlementError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function settlementError(
  code: string,
  key: string,
  values?: MessageValues,
  options?: { cause?: unknown },
): SettlementError {
  return new SettlementError(code, msg(`settlement:${key}`, values), options);
}

/** A ChainError keeps its code and words; anything else is reported as a chain failure. */
export function fromChain(err: unknown): SettlementError {
  if (err instanceof SettlementError) return err;
  if (err instanceof ChainError)
    return new SettlementError(err.code, err.userMessage, { cause: err });
  return new SettlementError('unknown', msg('settlement:claim.error'), { cause: err });
}
