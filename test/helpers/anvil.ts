import { ANVIL_MNEMONIC, anvilPrivateKeys, spawnAnvil } from '../../src/network/chain/anvil.js';

export { findAnvilBinary } from '../../src/network/chain/anvil.js';

export interface TestAnvil {
  rpcUrl: string;
  chainId: number;
  /** Private keys of anvil's default mnemonic, each funded with 10 000 ETH. */
  accounts: string[];
  stop(): Promise<void>;
}

/** A fresh anvil on a free loopback port (anvil picks it and reports it). */
export async function startAnvil(
  opts: { blockTime?: number; accounts?: number } = {},
): Promise<TestAnvil> {
  const count = opts.accounts ?? 10;
  const anvil = await spawnAnvil({
    accounts: count,
    mnemonic: ANVIL_MNEMONIC,
    ...(opts.blockTime === undefined ? {} : { blockTime: opts.blockTime }),
  });
  return {
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    accounts: anvilPrivateKeys(count),
    stop: anvil.stop,
  };
}
