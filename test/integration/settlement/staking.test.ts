import { Wallet, id } from 'ethers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slashNode } from '../../../src/network/chain/staking.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { WalletService } from '../../../src/wallet/service.js';
import { deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';
import { FAST_SCRYPT } from '../../unit/wallet/helpers.js';
import { T, tempDir, randomWallet } from './fixture.js';

const PASSWORD = 'staking password';
const UNBONDING_S = 3600;

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh({ unbondingPeriodSeconds: UNBONDING_S });
});
afterAll(async () => {
  await f?.stop();
});

let dir: string;
let cleanup: () => Promise<void>;
let wallet: WalletService;
let owner: Wallet;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  owner = randomWallet();
  wallet = new WalletService({
    dir,
    scrypt: FAST_SCRYPT,
    provider: () => f.provider,
    chainId: f.anvil.chainId,
    token: { address: f.addresses.token, decimals: 18, symbol: 'LMB' },
    staking: { address: f.addresses.staking, fromBlock: f.addresses.fromBlock },
  });
  await wallet.importPrivateKey({ key: owner.privateKey, password: PASSWORD });
  await (await f.deployer.sendTransaction({ to: owner.address, value: 10n ** 18n })).wait();
  await (await f.as(f.payer).token.getFunction('transfer').send(owner.address, T(100))).wait();
});
afterEach(async () => {
  wallet.close();
  await cleanup();
});

async function keyOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isWalletError(err)) throw new Error(`expected a WalletError, got ${String(err)}`);
  return err.key;
}

const tokenBalance = async (who: string): Promise<bigint> =>
  (await f.token.getFunction('balanceOf').staticCall(who)) as bigint;

describe('staking from the wallet', () => {
  it('stakes, unbonds, refuses an early withdrawal, withdraws after the period, and shows slashes', async () => {
    expect(await wallet.stakeInfo()).toMatchObject({
      stake: '0',
      unbonding: '0',
      releaseAt: null,
      slashes: [],
    });

    expect(await keyOf(wallet.stake({ amount: T(101).toString(), password: PASSWORD }))).toBe(
      'settlement:stake.insufficientTokens',
    );
    expect(await keyOf(wallet.stake({ amount: T(1).toString(), password: 'wrong password' }))).toBe(
      'wallet:errors.wrongPassword',
    );
    await wallet.stake({ amount: T(60).toString(), password: PASSWORD });
    expect((await wallet.stakeInfo()).stake).toBe(T(60).toString());
    expect(await tokenBalance(owner.address)).toBe(T(40));

    expect(await keyOf(wallet.withdrawStake({ password: PASSWORD }))).toBe(
      'settlement:stake.nothingUnbonding',
    );
    expect(
      await keyOf(wallet.requestUnstake({ amount: T(61).toString(), password: PASSWORD })),
    ).toBe('settlement:stake.insufficientStake');
    await wallet.requestUnstake({ amount: T(20).toString(), password: PASSWORD });
    const unbonding = await wallet.stakeInfo();
    expect(unbonding).toMatchObject({ stake: T(40).toString(), unbonding: T(20).toString() });
    expect(unbonding.releaseAt).not.toBeNull();

    expect(await keyOf(wallet.withdrawStake({ password: PASSWORD }))).toBe(
      'settlement:stake.stillUnbonding',
    );
    expect(await tokenBalance(owner.address)).toBe(T(40));

    await f.provider.send('evm_increaseTime', [UNBONDING_S + 1]);
    await f.provider.send('evm_mine', []);
    const { txHash } = await wallet.withdrawStake({ password: PASSWORD });
    expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await tokenBalance(owner.address)).toBe(T(60));
    expect(await wallet.stakeInfo()).toMatchObject({ unbonding: '0', releaseAt: null });

    const evidence = id('missed window 2026-11-03T02:00Z');
    const slashTx = await slashNode(f.deployer, f.addresses.staking, owner.address, T(5), evidence);
    const after = await wallet.stakeInfo();
    expect(after.stake).toBe(T(35).toString());
    expect(after.slashes).toHaveLength(1);
    expect(after.slashes[0]).toMatchObject({
      amount: T(5).toString(),
      evidenceHash: evidence,
      txHash: slashTx,
    });
    expect(after.slashes[0]!.at).toBeGreaterThan(0);
  });

  it('says so when the network has no staking contract', async () => {
    const bare = new WalletService({ dir, scrypt: FAST_SCRYPT, provider: () => f.provider });
    expect(await keyOf(bare.stakeInfo())).toBe('settlement:stake.notConfigured');
    bare.close();
  });
});
