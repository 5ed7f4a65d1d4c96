import { Wallet } from 'ethers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/ledger/ledger.js';
import { depositToVault } from '../../../src/network/chain/vault.js';
import { claim, reconcile } from '../../../src/settlement/claimer.js';
import { SettlementError } from '../../../src/settlement/errors.js';
import { attachToLedger } from '../../../src/settlement/voucher-store.js';
import type { VoucherStore } from '../../../src/settlement/voucher-store.js';
import { deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';
import {
  T,
  creditedJob,
  expectation,
  openBooks,
  tempDir,
  voucherFrame,
  randomWallet,
} from './fixture.js';

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh();
  await depositToVault(f.payer, f.addresses.token, f.addresses.vault, T(1000));
});
afterAll(async () => {
  await f?.stop();
});

let dir: string;
let cleanup: () => Promise<void>;
let ledger: Ledger;
let store: VoucherStore;
let device: Wallet;
let payout: Wallet;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ ledger, store } = await openBooks(dir));
  // A fresh device key per test, funded with a little native coin for gas, as the local network does.
  device = randomWallet(f.provider);
  payout = randomWallet();
  await (await f.deployer.sendTransaction({ to: device.address, value: 10n ** 17n })).wait();
});
afterEach(async () => {
  await ledger.close();
  await cleanup();
});

const balanceOf = async (who: string): Promise<bigint> =>
  (await f.token.getFunction('balanceOf').staticCall(who)) as bigint;

function deps() {
  return { provider: f.provider, deviceSigner: device, vault: f.addresses.vault, store, ledger };
}

async function accept(cumulative: bigint, nonce: bigint, signer: Wallet = f.payer) {
  const frame = await voucherFrame(signer, f.anvil.chainId, f.addresses.vault, {
    node: device.address,
    payout: payout.address,
    cumulative,
    nonce,
  });
  const result = await store.accept(
    frame,
    expectation(f.payer.address, f.anvil.chainId, f.addresses.vault),
  );
  if (result.status === 'stored') await attachToLedger(ledger, result.voucher);
  return result;
}

async function failure(p: Promise<unknown>): Promise<SettlementError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SettlementError);
  return err as SettlementError;
}

describe('vouchers and claims on a real chain', () => {
  it('keeps the newest voucher, claims exactly the difference, and pays the payout wallet that much', async () => {
    await creditedJob(ledger, device, 'job-1', T(10), 1_000);
    await creditedJob(ledger, device, 'job-2', T(5), 2_000);
    expect((await accept(T(10), 1n)).status).toBe('stored');
    expect(ledger.entry('job-1')?.voucher?.cumulative).toBe(T(10).toString());
    expect(ledger.entry('job-2')?.voucher).toBeNull();
    expect((await accept(T(15), 2n)).status).toBe('stored');
    expect(ledger.entry('job-2')?.voucher?.cumulative).toBe(T(15).toString());
    // An older voucher arriving late changes nothing.
    const late = await accept(T(10), 1n);
    expect(late.status).toBe('ignored');
    expect(
      store.latest({ chainId: f.anvil.chainId, vault: f.addresses.vault, payer: f.payer.address })
        ?.cumulative,
    ).toBe(T(15).toString());

    const before = await balanceOf(payout.address);
    const first = await claim(deps());
    expect(first.amount).toBe(T(15));
    expect(first.cumulative).toBe(T(15));
    expect((await balanceOf(payout.address)) - before).toBe(T(15));
    expect(ledger.entry('job-1')).toMatchObject({ state: 'claimed', claimTx: first.txHash });
    expect(ledger.entry('job-2')).toMatchObject({ state: 'claimed', claimTx: first.txHash });
    expect(store.lastClaim()).toMatchObject({ txHash: first.txHash, amount: T(15).toString() });

    await creditedJob(ledger, device, 'job-3', T(7), 3_000);
    await accept(T(22), 3n);
    const second = await claim(deps());
    expect(second.amount).toBe(T(7));
    expect((await balanceOf(payout.address)) - before).toBe(T(22));
    expect(ledger.entry('job-3')).toMatchObject({ state: 'claimed', claimTx: second.txHash });

    // Same voucher again: a clear "nothing to claim" and no transaction at all.
    const nonce = await f.provider.getTransactionCount(device.address);
    const err = await failure(claim(deps()));
    expect(err.code).toBe('NothingToClaim');
    expect(err.userMessage.key).toBe('settlement:claim.nothingToClaim');
    expect(await f.provider.getTransactionCount(device.address)).toBe(nonce);
    expect((await balanceOf(payout.address)) - before).toBe(T(22));
    expect(store.pendingClaims()).toEqual([]);
  });

  it('says there is nothing to claim before any voucher arrived, without a transaction', async () => {
    const err = await failure(claim(deps()));
    expect(err.code).toBe('NothingToClaim');
    expect(err.userMessage.key).toBe('settlement:claim.noVoucher');
    expect(await f.provider.getTransactionCount(device.address)).toBe(0);
  });

  it('rejects a voucher signed by someone other than the registered payer', async () => {
    const result = await accept(T(50), 1n, f.deployer);
    expect(result.status).toBe('rejected');
    if (result.status === 'rejected')
      expect(result.reason.key).toBe('settlement:store.wrongSigner');
    expect(store.allLatest()).toEqual([]);
  });

  it('rejects vouchers for another chain or vault, and damaged frames', async () => {
    const exp = expectation(f.payer.address, f.anvil.chainId, f.addresses.vault);
    const base = { node: device.address, payout: payout.address, cumulative: T(1), nonce: 1n };
    const otherChain = await voucherFrame(f.payer, f.anvil.chainId + 1, f.addresses.vault, base);
    const otherVault = await voucherFrame(f.payer, f.anvil.chainId, f.addresses.token, base);
    const good = await voucherFrame(f.payer, f.anvil.chainId, f.addresses.vault, base);
    const reasons = await Promise.all(
      [
        otherChain,
        otherVault,
        { ...good, cumulative: '-1' },
        { ...good, cumulative: T(2).toString() },
      ].map(async (frame) => {
        const r = await store.accept(frame, exp);
        return r.status === 'rejected' ? r.reason.key : r.status;
      }),
    );
    expect(reasons).toEqual([
      'settlement:store.wrongChain',
      'settlement:store.wrongVault',
      'settlement:store.malformed',
      // The amount was changed after signing: the signature recovers to a stranger.
      'settlement:store.wrongSigner',
    ]);
    expect(store.allLatest()).toEqual([]);
  });

  it('reconcile with nothing pending changes nothing', async () => {
    expect(await reconcile(deps())).toEqual({ recorded: [], inFlight: [], dropped: [] });
  });
});
