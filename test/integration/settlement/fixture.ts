import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet, hexlify, randomBytes } from 'ethers';
import type { Provider, Signer } from 'ethers';
import type { VoucherFrame } from '../../../src/api/protocol-schemas.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { signVoucher, voucherDomain } from '../../../src/network/chain/voucher.js';
import { VoucherStore } from '../../../src/settlement/voucher-store.js';
import type { VoucherExpectation } from '../../../src/settlement/voucher-store.js';

export const T = (n: number | bigint): bigint => BigInt(n) * 10n ** 18n;

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-settlement-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function openBooks(dir: string): Promise<{ ledger: Ledger; store: VoucherStore }> {
  const ledger = await Ledger.open(join(dir, 'ledger'));
  const store = await VoucherStore.open(join(dir, 'network', 'vouchers.json'));
  return { ledger, store };
}

/**
 * A job from offer to credit (no voucher yet), ended at `at`, with a usage receipt the
 * device key really signed (the receipt hash stands for the EIP-712 digest).
 */
export async function creditedJob(
  ledger: Ledger,
  device: Wallet,
  jobId: string,
  amount: bigint,
  at: number,
): Promise<void> {
  await ledger.offer(jobId, 'gpu', T(1), { at });
  await ledger.start(jobId, { at });
  await ledger.complete(jobId, { gpuSeconds: 60, energyWh: null }, amount, { at: at + 1 });
  const hash = hexlify(randomBytes(32));
  await ledger.report(
    jobId,
    { hash, signature: device.signingKey.sign(hash).serialized },
    { at: at + 2 },
  );
  await ledger.credit(jobId, amount, null, { at: at + 3 });
}

export async function voucherFrame(
  payer: Signer,
  chainId: number,
  vault: string,
  v: { node: string; payout: string; cumulative: bigint; nonce: bigint; deadline?: bigint },
): Promise<VoucherFrame> {
  const voucher = {
    node: v.node,
    payout: v.payout,
    cumulative: v.cumulative,
    nonce: v.nonce,
    deadline: v.deadline ?? BigInt(Math.floor(Date.now() / 1000) + 30 * 24 * 3600),
  };
  const signature = await signVoucher(payer, voucherDomain(chainId, vault), voucher);
  return {
    v: 1,
    type: 'voucher',
    node: voucher.node,
    payout: voucher.payout,
    cumulative: voucher.cumulative.toString(),
    nonce: voucher.nonce.toString(),
    deadline: voucher.deadline.toString(),
    chainId,
    vault,
    signature,
  };
}

export function expectation(payer: string, chainId: number, vault: string): VoucherExpectation {
  return { payer, chainId, vault };
}

/** A fresh key as a plain Wallet (createRandom gives an HD wallet). */
export function randomWallet(provider?: Provider): Wallet {
  return new Wallet(hexlify(randomBytes(32)), provider ?? null);
}
