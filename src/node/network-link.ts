import type { NetworkAdapter } from '../network/adapter.js';

/** What the node knows about the chain its network pays on. */
export interface ChainLink {
  rpcUrl: string;
  chainId: number;
  vault: string;
  token: string | null;
  staking: string | null;
  payer: string;
}

/** A joined network: the adapter plus what the owner should see about it. */
export interface NetworkLink {
  mode: 'local' | 'remote';
  url: string;
  adapter: NetworkAdapter;
  chain: ChainLink | null;
  stop(): Promise<void>;
}

/** Joins a network for this payout wallet and device key. */
export type NetworkFactory = (who: { payout: string; device: string }) => Promise<NetworkLink>;
