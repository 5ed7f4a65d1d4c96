import { ContractFactory, getAddress, getCreateAddress, id } from 'ethers';
import type { Signer, TransactionRequest } from 'ethers';
import { msg } from '../../api/message.js';
import { loadArtifact } from './artifacts.js';
import { ChainError, chainCall } from './chain-error.js';

export const SLASHER_ROLE = id('SLASHER_ROLE');
export const DEFAULT_UNBONDING_PERIOD_S = 7n * 24n * 3600n;

/**
 * Role grants and mints go out before the contracts they call are mined, so gas cannot
 * be estimated for them (the estimate would run against empty code); this bound is
 * several times what either needs, and unused gas is not charged.
 */
const FOLLOW_UP_GAS = 250_000n;

export interface DeployOptions {
  /** Who signs vouchers; defaults to the deployer. */
  payer?: string;
  /** Where slashed stake goes; defaults to the deployer. */
  treasury?: string;
  unbondingPeriodSeconds?: bigint | number;
  /** Granted SLASHER_ROLE; defaults to the deployer. */
  slashers?: readonly string[];
  /** Tokens minted right after deployment, in base units. */
  mint?: readonly { to: string; amount: bigint }[];
  /** Build folder with the artifacts; defaults to the repository's. */
  artifactsDir?: string;
}

export interface DeployedContracts {
  chainId: bigint;
  deployer: string;
  token: string;
  vault: string;
  staking: string;
  /** Block of the first deployment: a lower bound for event queries. */
  fromBlock: number;
}

/**
 * Deploys RewardToken, PaymentVault and Staking, grants roles and mints. The later
 * contracts need the token's address before it is mined, so addresses are computed
 * from the deployer's nonces and every transaction goes out at once; on a chain with a
 * block time this is one block instead of one per transaction.
 */
export async function deployContracts(
  signer: Signer,
  opts: DeployOptions = {},
): Promise<DeployedContracts> {
  const provider = signer.provider;
  if (provider === null) throw new ChainError('rpcUnreachable', msg('chain:errors.rpcUnreachable'));
  const art = (n: 'RewardToken' | 'PaymentVault' | 'Staking') => loadArtifact(n, opts.artifactsDir);

  return chainCall(async () => {
    const deployer = getAddress(await signer.getAddress());
    const { chainId } = await provider.getNetwork();
    const nonce0 = await provider.getTransactionCount(deployer, 'pending');
    const token = getCreateAddress({ from: deployer, nonce: nonce0 });
    const vault = getCreateAddress({ from: deployer, nonce: nonce0 + 1 });
    const staking = getCreateAddress({ from: deployer, nonce: nonce0 + 2 });

    const factory = (n: 'RewardToken' | 'PaymentVault' | 'Staking') =>
      new ContractFactory(art(n).iface, art(n).bytecode, signer);
    const txs: TransactionRequest[] = [
      await factory('RewardToken').getDeployTransaction(deployer),
      await factory('PaymentVault').getDeployTransaction(
        token,
        getAddress(opts.payer ?? deployer),
        deployer,
      ),
      await factory('Staking').getDeployTransaction(
        token,
        BigInt(opts.unbondingPeriodSeconds ?? DEFAULT_UNBONDING_PERIOD_S),
        getAddress(opts.treasury ?? deployer),
        deployer,
      ),
    ];
    const stakingIface = art('Staking').iface;
    for (const s of opts.slashers ?? [deployer]) {
      txs.push({
        to: staking,
        gasLimit: FOLLOW_UP_GAS,
        data: stakingIface.encodeFunctionData('grantRole', [SLASHER_ROLE, getAddress(s)]),
      });
    }
    const tokenIface = art('RewardToken').iface;
    for (const m of opts.mint ?? []) {
      txs.push({
        to: token,
        gasLimit: FOLLOW_UP_GAS,
        data: tokenIface.encodeFunctionData('mint', [getAddress(m.to), m.amount]),
      });
    }

    const sent = [];
    for (const [i, tx] of txs.entries())
      sent.push(await signer.sendTransaction({ ...tx, nonce: nonce0 + i }));
    const receipts = await Promise.all(sent.map((t) => t.wait()));
    let fromBlock = Number.MAX_SAFE_INTEGER;
    for (const r of receipts) {
      if (r === null || r.status !== 1)
        throw new ChainError('rejected', msg('chain:errors.rejected'));
      fromBlock = Math.min(fromBlock, r.blockNumber);
    }
    return { chainId, deployer, token, vault, staking, fromBlock };
  });
}
