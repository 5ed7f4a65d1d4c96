import { msg, type Message, type MessageValues } from '../api/message.js';

/**
 * The only error the wallet throws on purpose. It carries a message key for the
 * owner and never a secret: `message` is the key itself, and no `cause` is kept,
 * because causes from ethers can quote their inputs.
 */
export class WalletError extends Error {
  readonly info: Message;

  constructor(key: string, values?: MessageValues) {
    super(key);
    this.name = 'WalletError';
    this.info = msg(key, values);
  }

  get key(): string {
    return this.info.key;
  }
}

export function isWalletError(err: unknown, key?: string): err is WalletError {
  return err instanceof WalletError && (key === undefined || err.key === key);
}
