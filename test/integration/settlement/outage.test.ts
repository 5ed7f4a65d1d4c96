import { Transaction } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider } from '../../../src/network/chain/provider.js';
import { depositToVault } from '../../../src/network/chain/vault.js';
import { claim, reconcile } from '../../../src/settlement/claimer.js';
import { SettlementError } from '../../../src/settlement/errors.js';
import { VoucherStore, attachToLedger } from '../../../src/settlement/voucher-store.js';
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
import { startCuttingProxy } from './rpc-proxy.js';

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh();
  await depositToVault(f.payer, f.addresses.token, f.addresses.vault, T(1000));
});
afterAll(async () => {
  await f?.stop();
});

describe('the RPC goes away in the middle of a claim', () => {
  it('records the claim exactly once after reconcile, and never pays twice', async () => {
    const { dir, cleanup } = await tempDir();
    const { ledger, store } = await openBooks(dir);
    const device = randomWallet();
    const payout = randomWallet();
    await (await f.deployer.sendTransaction({ to: device.address, value: 10n ** 17n })).wait();
    const balanceOf = async (who: string): Promise<bigint> =>
      (await f.token.getFunction('balanceOf').staticCall(who)) as bigint;

    await creditedJob(ledger, device, 'job-1', T(12), 1_000);
    const frame = await voucherFrame(f.payer, f.anvil.chainId, f.addresses.vault, {
      node: device.address,
      payout: payout.address,
      cumulative: T(12),
      nonce: 1n,
    });
    const accepted = await store.accept(
      frame,
      expectation(f.payer.address, f.anvil.chainId, f.addresses.vault),
    );
    if (accepted.status !== 'stored') throw new Error('voucher not stored');
    await attachToLedger(ledger, accepted.voucher);

    const proxy = await startCuttingProxy(f.anvil.rpcUrl);
    const flaky = connectProvider(proxy.url, f.anvil.chainId);
    try {
      const err = await claim({
        provider: flaky,
        deviceSigner: device,
        vault: f.addresses.vault,
        store,
        ledger,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SettlementError);
      expect((err as SettlementError).code).toBe('claimUnconfirmed');
      expect(proxy.cut()).toBe(true);
    } finally {
      flaky.destroy();
      await proxy.close();
    }

    // The chain paid, but nothing is recorded yet: the claim waits as pending.
    expect(await balanceOf(payout.address)).toBe(T(12));
    const [pending] = store.pendingClaims();
    expect(pending).toBeDefined();
    expect(ledger.entry('job-1')?.state).toBe('credited');

    // Next start: a fresh store read from disk, the RPC back.
    const reopened = await VoucherStore.open(store.path);
    const deps = {
      provider: f.provider,
      deviceSigner: device,
      vault: f.addresses.vault,
      store: reopened,
      ledger,
    };
    const first = await reconcile(deps);
    expect(first.recorded.map((c) => [c.txHash, c.amount])).toEqual([
      [pending!.txHash, T(12).toString()],
    ]);
    expect(ledger.entry('job-1')).toMatchObject({ state: 'claimed', claimTx: pending!.txHash });
    expect(reopened.pendingClaims()).toEqual([]);
    expect(reopened.claims()).toHaveLength(1);

    expect(await reconcile(deps)).toEqual({ recorded: [], inFlight: [], dropped: [] });
    const again = await claim(deps).then(
      () => null,
      (e: unknown) => e,
    );
    expect((again as SettlementError).code).toBe('NothingToClaim');
    expect(await balanceOf(payout.address)).toBe(T(12));
    expect(reopened.claims()).toHaveLength(1);

    await ledger.close();
    await cleanup();
  });

  it('drops a signed claim that never reached the chain and can no longer be mined', async () => {
    const { dir, cleanup } = await tempDir();
    const { ledger } = await openBooks(dir);
    const store = await VoucherStore.open(`${dir}/network/vouchers.json`);
    const device = randomWallet(f.provider);
    await (await f.deployer.sendTransaction({ to: device.address, value: 10n ** 17n })).wait();
    // A transaction signed but never broadcast; then its nonce gets used by another one.
    const raw = await device.signTransaction({
      to: f.addresses.vault,
      data: '0x',
      nonce: 0,
      chainId: f.anvil.chainId,
      gasLimit: 30_000n,
      maxFeePerGas: 10n ** 10n,
      maxPriorityFeePerGas: 1n,
      type: 2,
    });
    await store.addPending({
      txHash: Transaction.from(raw).hash!,
      raw,
      chainId: f.anvil.chainId,
      vault: f.addresses.vault,
      payer: f.payer.address,
      node: device.address,
      payout: device.address,
      cumulative: '1',
      sentAt: 0,
    });
    await (await device.sendTransaction({ to: f.payer.address, value: 1n })).wait();
    const r = await reconcile({ provider: f.provider, vault: f.addresses.vault, store, ledger });
    expect(r.dropped).toHaveLength(1);
    expect(store.pendingClaims()).toEqual([]);
    await ledger.close();
    await cleanup();
  });
});
