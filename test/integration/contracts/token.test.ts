import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError, chainCall } from '../../../src/network/chain/chain-error.js';
import { TOKENS, deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh();
});
afterAll(async () => {
  await f?.stop();
});

const balanceOf = async (who: string): Promise<bigint> =>
  BigInt(await f.token.getFunction('balanceOf')(who));

describe('RewardToken', () => {
  it('is "Lumbung Reward" / LMB with 18 decimals', async () => {
    expect(await f.token.getFunction('name')()).toBe('Lumbung Reward');
    expect(await f.token.getFunction('symbol')()).toBe('LMB');
    expect(await f.token.getFunction('decimals')()).toBe(18n);
  });

  it('lets the owner mint and moves exact amounts on transfer', async () => {
    const a = Wallet.createRandom().address;
    const supplyBefore = BigInt(await f.token.getFunction('totalSupply')());
    await (await f.token.getFunction('mint')(f.others[0]!.address, TOKENS(7) + 1n)).wait();
    expect(BigInt(await f.token.getFunction('totalSupply')())).toBe(supplyBefore + TOKENS(7) + 1n);

    await (await f.as(f.others[0]!).token.getFunction('transfer')(a, TOKENS(2) + 1n)).wait();
    expect(await balanceOf(a)).toBe(TOKENS(2) + 1n);
    expect(await balanceOf(f.others[0]!.address)).toBe(TOKENS(5));
  });

  it('refuses minting by anyone but the owner', async () => {
    const who = f.others[1]!;
    const err = await chainCall(() =>
      f.as(who).token.getFunction('mint').send(who.address, 1n),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainError);
    expect((err as ChainError).code).toBe('OwnableUnauthorizedAccount');
    expect((err as ChainError).userMessage.key).toBe('chain:contract.notOwner');
    expect(await balanceOf(who.address)).toBe(0n);
  });

  it('reports a transfer beyond the balance in tokens', async () => {
    const who = f.others[2]!;
    const err = await chainCall(() =>
      f.as(who).token.getFunction('transfer').send(f.payer.address, TOKENS(1)),
    ).catch((e: unknown) => e);
    expect((err as ChainError).userMessage).toEqual({
      key: 'chain:contract.tokenBalanceLow',
      values: { balance: '0.0', needed: '1.0' },
    });
  });
});
