import { JsonRpcProvider, Network } from 'ethers';
import { z } from 'zod';
import { msg } from '../../api/message.js';
import { ChainError, toChainError } from './chain-error.js';

/**
 * A provider pinned to `chainId`. Without a static network ethers probes the chain id
 * and, when the RPC is down, retries forever and logs every second; pinned, a dead RPC
 * fails the call instead, which we can report.
 * The 250 ms request cache is off: with it, two transactions sent back to back (approve,
 * then deposit) read the same "pending" nonce and the second fails as nonce too low.
 */
export function connectProvider(rpcUrl: string, chainId: bigint | number): JsonRpcProvider {
  const network = Network.from(BigInt(chainId));
  return new JsonRpcProvider(rpcUrl, network, { staticNetwork: network, cacheTimeout: -1 });
}

const ChainIdReplySchema = z.object({ result: z.string().regex(/^0x[0-9a-fA-F]+$/) });

/** Asks an RPC endpoint its chain id with one plain request; throws ChainError when unreachable. */
export async function fetchChainId(rpcUrl: string, timeoutMs = 5_000): Promise<bigint> {
  let body: unknown;
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.json();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError')
      throw new ChainError('timeout', msg('chain:errors.timeout'), { cause: err });
    throw new ChainError('rpcUnreachable', msg('chain:errors.rpcUnreachable'), { cause: err });
  }
  const parsed = ChainIdReplySchema.safeParse(body);
  if (!parsed.success) throw new ChainError('rpcUnreachable', msg('chain:errors.rpcUnreachable'));
  return BigInt(parsed.data.result);
}

/** Anything that can make a raw JSON-RPC call, such as ethers' JsonRpcProvider. */
export interface RpcSender {
  send(method: string, params: unknown[]): Promise<unknown>;
}

/** Fails with chain:errors.wrongChain when the node's chain is not `expected`. */
export async function assertChainId(provider: RpcSender, expected: bigint | number): Promise<void> {
  let actual: bigint;
  try {
    // Ask the node itself: a static network would just echo what we configured.
    const raw = await provider.send('eth_chainId', []);
    actual = BigInt(z.string().parse(raw));
  } catch (err) {
    throw toChainError(err);
  }
  if (actual !== BigInt(expected)) {
    throw new ChainError(
      'wrongChain',
      msg('chain:errors.wrongChain', { expected: String(expected), actual: actual.toString() }),
    );
  }
}
