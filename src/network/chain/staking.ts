import { EventLog, getAddress, isHexString } from 'ethers';
import type { ContractRunner, Signer } from 'ethers';
import { z } from 'zod';
import type { StakeInfo } from '../../api/chain-schemas.js';
import { chainCall } from './chain-error.js';
import { contractAt } from './contract-at.js';
import { mined, resultItems } from './tx.js';

export interface StakeState {
  stake: bigint;
  unbonding: bigint;
  /** Unix seconds when `unbonding` may be withdrawn; 0n when nothing is unbonding. */
  releaseAt: bigint;
  slashCount: bigint;
}

export interface SlashEvent {
  amount: bigint;
  evidenceHash: string;
  txHash: string;
  blockNumber: number;
}

const Bytes32 = z.string().refine((s) => isHexString(s, 32), 'bytes32');

export async function readStake(
  runner: ContractRunner,
  staking: string,
  node: string,
): Promise<StakeState> {
  const c = contractAt('Staking', staking, runner);
  const who = getAddress(node);
  return chainCall(async () => {
    const [stake, unbondingRaw, slashCount] = await Promise.all([
      c.getFunction('stakeOf').staticCall(who),
      c.getFunction('unbondingOf').staticCall(who),
      c.getFunction('slashCount').staticCall(who),
    ]);
    const [unbonding, releaseAt] = z
      .tuple([z.bigint(), z.bigint()])
      .parse(resultItems(unbondingRaw));
    return {
      stake: z.bigint().parse(stake),
      unbonding,
      releaseAt: unbonding === 0n ? 0n : releaseAt,
      slashCount: z.bigint().parse(slashCount),
    };
  });
}

/** Every Slashed event for `node` since `fromBlock`, oldest first. */
export async function readSlashes(
  runner: ContractRunner,
  staking: string,
  node: string,
  fromBlock = 0,
): Promise<SlashEvent[]> {
  const c = contractAt('Staking', staking, runner);
  return chainCall(async () => {
    const logs = await c.queryFilter(c.filters['Slashed']!(getAddress(node)), fromBlock);
    return logs
      .filter((l): l is EventLog => l instanceof EventLog)
      .map((l) => {
        const [, amount, evidenceHash] = z
          .tuple([z.string(), z.bigint(), Bytes32])
          .parse(resultItems(l.args));
        return { amount, evidenceHash, txHash: l.transactionHash, blockNumber: l.blockNumber };
      });
  });
}

/** The wire form for the API/ledger (decimal strings). */
export function stakeInfoToWire(
  node: string,
  s: StakeState,
  slashes: readonly SlashEvent[],
): StakeInfo {
  return {
    node: getAddress(node),
    stake: s.stake.toString(),
    unbonding: { amount: s.unbonding.toString(), releaseAt: s.releaseAt.toString() },
    slashCount: Number(s.slashCount),
    slashes: slashes.map((e) => ({ ...e, amount: e.amount.toString() })),
  };
}

/** Approves (when needed) and stakes `amount`; returns the stake tx hash. */
export async function stakeTokens(
  wallet: Signer,
  token: string,
  staking: string,
  amount: bigint,
): Promise<string> {
  const t = contractAt('RewardToken', token, wallet);
  const s = contractAt('Staking', staking, wallet);
  return chainCall(async () => {
    const owner = await wallet.getAddress();
    const allowance = z
      .bigint()
      .parse(await t.getFunction('allowance').staticCall(owner, getAddress(staking)));
    if (allowance < amount)
      await mined(await t.getFunction('approve').send(getAddress(staking), amount));
    return (await mined(await s.getFunction('stake').send(amount))).hash;
  });
}

export async function requestUnstake(
  wallet: Signer,
  staking: string,
  amount: bigint,
): Promise<string> {
  const s = contractAt('Staking', staking, wallet);
  return chainCall(
    async () => (await mined(await s.getFunction('requestUnstake').send(amount))).hash,
  );
}

export async function withdrawUnstaked(wallet: Signer, staking: string): Promise<string> {
  const s = contractAt('Staking', staking, wallet);
  return chainCall(async () => (await mined(await s.getFunction('withdraw').send())).hash);
}

/** Slashes `node` (caller needs SLASHER_ROLE); returns the tx hash. */
export async function slashNode(
  slasher: Signer,
  staking: string,
  node: string,
  amount: bigint,
  evidenceHash: string,
): Promise<string> {
  const s = contractAt('Staking', staking, slasher);
  return chainCall(
    async () =>
      (await mined(await s.getFunction('slash').send(getAddress(node), amount, evidenceHash))).hash,
  );
}
