import { join } from 'node:path';

/** Settlement's files inside the data dir, named once. */
export function settlementPaths(dataDir: string) {
  const networkDir = join(dataDir, 'network');
  return {
    /** `{ rpcUrl, chainId, vault, token, staking }`, see chain-config.ts. */
    chainConfig: join(networkDir, 'chain.json'),
    /** Vouchers, claims in flight and confirmed claims, see voucher-store.ts. */
    voucherStore: join(networkDir, 'vouchers.json'),
  };
}
