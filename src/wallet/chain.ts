import { z } from 'zod';
import { Contract, Interface, isError } from 'ethers';
import type { Provider } from 'ethers';
import { WalletError } from './errors.js';

/**
 * Talking to the chain: a timeout on every call (an unreachable RPC otherwise
 * retries forever), the minimal ERC-20 ABI, and ethers errors turned into the few
 * plain-word messages an owner can act on.
 */

export const DEFAULT_RPC_TIMEOUT_MS = 15_000;

export const ERC20_ABI = [
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
] as const;
export const erc20 = new Interface(ERC20_ABI);

export const TokenConfigSchema = z.object({
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  decimals: z.number().int().min(0).max(36),
  symbol: z.string().min(1).max(16),
});
export type TokenConfig = z.infer<typeof TokenConfigSchema>;

const Uint256Schema = z.bigint().min(0n);

/**
 * Races `work` against the RPC timeout. The work cannot be cancelled, so it gets a
 * `expired()` check: anything irreversible (broadcasting a payment) must look first,
 * or a payment reported as failed could still go out later.
 */
export async function withTimeout<T>(
  work: (expired: () => boolean) => Promise<T>,
  ms: number,
): Promise<T> {
  let timedOut = false;
  let cancel: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new WalletError('wallet:chain.rpcUnreachable'));
    }, ms);
    timer.unref();
    cancel = () => clearTimeout(timer);
  });
  try {
    return await Promise.race([work(() => timedOut), timeout]);
  } finally {
    cancel?.();
  }
}

export async function tokenBalance(
  provider: Provider,
  token: TokenConfig,
  owner: string,
): Promise<bigint> {
  const contract = new Contract(token.address, ERC20_ABI, provider);
  const balanceOf = contract.getFunction('balanceOf');
  const raw: unknown = await balanceOf(owner);
  const parsed = Uint256Schema.safeParse(raw);
  if (!parsed.success) throw new WalletError('wallet:chain.badAnswer');
  return parsed.data;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/** Messages and codes from an error and the node's nested answer, without echoing them. */
function collect(
  err: unknown,
  depth = 0,
  out: { codes: string[]; texts: string[] } = { codes: [], texts: [] },
) {
  if (depth > 4 || typeof err !== 'object' || err === null) return out;
  const e = err as Record<string, unknown>;
  if (typeof e['code'] === 'string') out.codes.push(e['code']);
  for (const field of ['message', 'shortMessage']) {
    const value = e[field];
    if (typeof value === 'string') out.texts.push(value);
  }
  for (const field of ['error', 'info', 'cause']) collect(e[field], depth + 1, out);
  return out;
}

/** The one place ethers/RPC failures become owner-facing messages. */
export function explainChainError(err: unknown): WalletError {
  if (err instanceof WalletError) return err;
  if (isError(err, 'INSUFFICIENT_FUNDS')) return new WalletError('wallet:chain.insufficientFunds');
  if (isError(err, 'NONCE_EXPIRED')) return new WalletError('wallet:chain.nonceTooLow');
  if (isError(err, 'REPLACEMENT_UNDERPRICED'))
    return new WalletError('wallet:chain.pendingTransaction');
  const { codes, texts } = collect(err);
  const text = texts.join(' | ');
  if (/insufficient funds/i.test(text)) return new WalletError('wallet:chain.insufficientFunds');
  if (/nonce too low|nonce has already been used/i.test(text))
    return new WalletError('wallet:chain.nonceTooLow');
  if (/chain ?id|incompatible chain|replay-protected/i.test(text))
    return new WalletError('wallet:chain.wrongChainUnknown');
  if (
    codes.some((c) => UNREACHABLE_CODES.has(c)) ||
    isError(err, 'NETWORK_ERROR') ||
    isError(err, 'TIMEOUT')
  ) {
    return new WalletError('wallet:chain.rpcUnreachable');
  }
  if (isError(err, 'CALL_EXCEPTION')) return new WalletError('wallet:chain.rejected');
  return new WalletError('wallet:chain.failed');
}
