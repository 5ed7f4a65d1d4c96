import { getAddress } from 'ethers';
import type { Provider, Signer } from 'ethers';
import type { StakeView } from '../api/settlement-schemas.js';
import { ChainError } from '../network/chain/chain-error.js';
import {
  readSlashes,
  readStake,
  requestUnstake,
  stakeTokens,
  withdrawUnstaked,
} from '../network/chain/staking.js';
import { tokenBalance } from './chain.js';
import type { TokenConfig } from './chain.js';
import { WalletError } from './errors.js';

/**
 * Staking from the owner's wallet: every step checks what the chain says first and
 * answers in plain words (token balance too low, nothing unbonding, still unbonding),
 * so the owner never pays gas for a transaction the contract would refuse.
 */

export interface StakingConfig {
  address: string;
  /** First block to search for slash events (the contract's deployment). */
  fromBlock?: number;
}

export async function readStakeView(
  provider: Provider,
  staking: StakingConfig,
  owner: string,
): Promise<StakeView> {
  return asWalletError(async () => {
    const s = await readStake(provider, staking.address, owner);
    const events = await readSlashes(provider, staking.address, owner, staking.fromBlock ?? 0);
    const slashes = await Promise.all(
      events.map(async (e) => {
        const block = await provider.getBlock(e.blockNumber).catch(() => null);
        return {
          amount: e.amount.toString(),
          evidenceHash: e.evidenceHash,
          txHash: e.txHash,
          at: block === null ? null : block.timestamp * 1000,
        };
      }),
    );
    return {
      address: getAddress(owner),
      stake: s.stake.toString(),
      unbonding: s.unbonding.toString(),
      releaseAt: s.unbonding === 0n ? null : Number(s.releaseAt) * 1000,
      slashes,
    };
  });
}

export async function stakeFromWallet(
  signer: Signer & { provider: Provider },
  token: TokenConfig,
  staking: StakingConfig,
  amount: bigint,
): Promise<string> {
  const owner = await signer.getAddress();
  const balance = await tokenBalance(signer.provider, token, owner);
  if (balance < amount)
    throw new WalletError('settlement:stake.insufficientTokens', {
      balance: balance.toString(),
      needed: amount.toString(),
    });
  await requireGas(signer.provider, owner);
  return asWalletError(() => stakeTokens(signer, token.address, staking.address, amount));
}

export async function unstakeFromWallet(
  signer: Signer & { provider: Provider },
  staking: StakingConfig,
  amount: bigint,
): Promise<string> {
  const owner = await signer.getAddress();
  const s = await asWalletError(() => readStake(signer.provider, staking.address, owner));
  if (s.stake < amount)
    throw new WalletError('settlement:stake.insufficientStake', {
      staked: s.stake.toString(),
      requested: amount.toString(),
    });
  await requireGas(signer.provider, owner);
  return asWalletError(() => requestUnstake(signer, staking.address, amount));
}

export async function withdrawStakeFromWallet(
  signer: Signer & { provider: Provider },
  staking: StakingConfig,
): Promise<string> {
  const owner = await signer.getAddress();
  const s = await asWalletError(() => readStake(signer.provider, staking.address, owner));
  if (s.unbonding === 0n) throw new WalletError('settlement:stake.nothingUnbonding');
  // The contract compares with the block's time, not ours: ask the chain.
  const head = await signer.provider.getBlock('latest');
  if (head !== null && BigInt(head.timestamp) < s.releaseAt)
    throw new WalletError('settlement:stake.stillUnbonding', {
      releaseAt: Number(s.releaseAt) * 1000,
    });
  await requireGas(signer.provider, owner);
  return asWalletError(() => withdrawUnstaked(signer, staking.address));
}

async function requireGas(provider: Provider, owner: string): Promise<void> {
  if ((await provider.getBalance(owner)) === 0n)
    throw new WalletError('wallet:withdraw.insufficientGas');
}

/** The chain helpers speak ChainError; the wallet speaks WalletError with the same words. */
async function asWalletError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ChainError)
      throw new WalletError(err.userMessage.key, err.userMessage.values);
    throw err;
  }
}
