import { Wallet, id } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StakeInfoSchema } from '../../../src/api/chain-schemas.js';
import { ChainError } from '../../../src/network/chain/chain-error.js';
import {
  readSlashes,
  readStake,
  requestUnstake,
  slashNode,
  stakeInfoToWire,
  stakeTokens,
  withdrawUnstaked,
} from '../../../src/network/chain/staking.js';
import { TOKENS, deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';

const PERIOD = 3_600;
let f: ChainFixture;
let treasury: string;

beforeAll(async () => {
  treasury = Wallet.createRandom().address;
  f = await deployFresh({ unbondingPeriodSeconds: PERIOD, treasury });
});
afterAll(async () => {
  await f?.stop();
});

const balanceOf = async (who: string): Promise<bigint> =>
  BigInt(await f.token.getFunction('balanceOf')(who));

/** A fresh node with gas money and 100 LMB. */
async function newNode(): Promise<Wallet> {
  const w = new Wallet(Wallet.createRandom().privateKey, f.provider);
  await (await f.deployer.sendTransaction({ to: w.address, value: 10n ** 18n })).wait();
  await (await f.as(f.payer).token.getFunction('transfer')(w.address, TOKENS(100))).wait();
  return w;
}

async function errorOf(p: Promise<unknown>): Promise<ChainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChainError);
  return err as ChainError;
}

async function increaseTime(seconds: number): Promise<void> {
  await f.provider.send('evm_increaseTime', [seconds]);
  await f.provider.send('evm_mine', []);
}

describe('Staking', () => {
  it('stakes, unbonds, refuses withdrawal before the period and pays it after', async () => {
    const node = await newNode();
    const { token, staking } = f.addresses;
    await stakeTokens(node, token, staking, TOKENS(40));
    expect(await balanceOf(node.address)).toBe(TOKENS(60));
    expect(await readStake(f.provider, staking, node.address)).toEqual({
      stake: TOKENS(40),
      unbonding: 0n,
      releaseAt: 0n,
      slashCount: 0n,
    });

    await requestUnstake(node, staking, TOKENS(15));
    const s = await readStake(f.provider, staking, node.address);
    const now = BigInt((await f.provider.getBlock('latest'))!.timestamp);
    expect(s.stake).toBe(TOKENS(25));
    expect(s.unbonding).toBe(TOKENS(15));
    expect(s.releaseAt).toBe(now + BigInt(PERIOD));

    const early = await errorOf(withdrawUnstaked(node, staking));
    expect(early.code).toBe('StillUnbonding');
    expect(early.userMessage).toEqual({
      key: 'chain:contract.stillUnbonding',
      values: { releaseAt: new Date(Number(s.releaseAt) * 1000).toISOString() },
    });
    expect(await balanceOf(node.address)).toBe(TOKENS(60));

    await increaseTime(PERIOD);
    await withdrawUnstaked(node, staking);
    expect(await balanceOf(node.address)).toBe(TOKENS(75));
    expect((await readStake(f.provider, staking, node.address)).unbonding).toBe(0n);
    expect((await errorOf(withdrawUnstaked(node, staking))).code).toBe('NothingToWithdraw');
  });

  it('refuses to unstake more than is staked', async () => {
    const node = await newNode();
    await stakeTokens(node, f.addresses.token, f.addresses.staking, TOKENS(1));
    const err = await errorOf(requestUnstake(node, f.addresses.staking, TOKENS(2)));
    expect(err.code).toBe('InsufficientStake');
    expect(err.userMessage.values).toEqual({ requested: '2.0', staked: '1.0' });
  });

  it('slashes active stake first, then unbonding, to the treasury, with the evidence hash', async () => {
    const node = await newNode();
    const { token, staking } = f.addresses;
    await stakeTokens(node, token, staking, TOKENS(10));
    await requestUnstake(node, staking, TOKENS(4));
    const treasuryBefore = await balanceOf(treasury);

    const ev1 = id('downtime window 1');
    const tx1 = await slashNode(f.deployer, staking, node.address, TOKENS(5), ev1);
    let s = await readStake(f.provider, staking, node.address);
    expect(s.stake).toBe(TOKENS(1));
    expect(s.unbonding).toBe(TOKENS(4));

    const ev2 = id('downtime window 2');
    const tx2 = await slashNode(f.deployer, staking, node.address, TOKENS(3), ev2);
    s = await readStake(f.provider, staking, node.address);
    expect(s.stake).toBe(0n);
    expect(s.unbonding).toBe(TOKENS(2));
    expect(s.slashCount).toBe(2n);
    expect(await balanceOf(treasury)).toBe(treasuryBefore + TOKENS(8));

    const slashes = await readSlashes(f.provider, staking, node.address, f.addresses.fromBlock);
    expect(slashes.map((e) => [e.amount, e.evidenceHash, e.txHash])).toEqual([
      [TOKENS(5), ev1, tx1],
      [TOKENS(3), ev2, tx2],
    ]);
    const wire = stakeInfoToWire(node.address, s, slashes);
    expect(StakeInfoSchema.parse(wire)).toEqual(wire);
    expect(wire.slashes[0]?.amount).toBe(TOKENS(5).toString());

    // Slashing more than is left takes what is left and no more.
    await slashNode(f.deployer, staking, node.address, TOKENS(50), id('window 3'));
    expect(await readStake(f.provider, staking, node.address)).toMatchObject({
      stake: 0n,
      unbonding: 0n,
    });
    expect(
      (await errorOf(slashNode(f.deployer, staking, node.address, 1n, id('window 4')))).code,
    ).toBe('NothingToSlash');
  });

  it('uses each piece of evidence once', async () => {
    const node = await newNode();
    await stakeTokens(node, f.addresses.token, f.addresses.staking, TOKENS(10));
    const ev = id('same evidence');
    await slashNode(f.deployer, f.addresses.staking, node.address, 1n, ev);
    const err = await errorOf(slashNode(f.deployer, f.addresses.staking, node.address, 1n, ev));
    expect(err.code).toBe('EvidenceReused');
    expect((await readStake(f.provider, f.addresses.staking, node.address)).slashCount).toBe(1n);
  });

  it('lets only the slasher role slash', async () => {
    const node = await newNode();
    await stakeTokens(node, f.addresses.token, f.addresses.staking, TOKENS(10));
    const err = await errorOf(
      slashNode(node, f.addresses.staking, node.address, TOKENS(1), id('self')),
    );
    expect(err.code).toBe('AccessControlUnauthorizedAccount');
    expect(err.userMessage.key).toBe('chain:contract.notAllowed');
    expect((await readStake(f.provider, f.addresses.staking, node.address)).stake).toBe(TOKENS(10));
  });
});
