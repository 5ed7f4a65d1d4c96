import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError, chainCall } from '../../../src/network/chain/chain-error.js';
import {
  claimVoucher,
  depositToVault,
  readClaimed,
  readPayer,
} from '../../../src/network/chain/vault.js';
import {
  hashVoucher,
  signVoucher,
  verifyVoucher,
  voucherDomain,
  voucherFromWire,
  voucherToWire,
} from '../../../src/network/chain/voucher.js';
import type { Voucher } from '../../../src/network/chain/voucher.js';
import { TOKENS, deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';

let f: ChainFixture;

beforeAll(async () => {
  f = await deployFresh();
  await depositToVault(f.payer, f.addresses.token, f.addresses.vault, TOKENS(1_000));
});
afterAll(async () => {
  await f?.stop();
});

const balanceOf = async (who: string): Promise<bigint> =>
  BigInt(await f.token.getFunction('balanceOf')(who));
const chainNow = async (): Promise<bigint> =>
  BigInt((await f.provider.getBlock('latest'))!.timestamp);
const domain = () => voucherDomain(f.anvil.chainId, f.addresses.vault);

async function voucherFor(
  node: { address: string },
  cumulative: bigint,
  extra: Partial<Voucher> = {},
): Promise<Voucher> {
  return {
    node: node.address,
    payout: node.address,
    cumulative,
    nonce: 1n,
    deadline: (await chainNow()) + 3_600n,
    ...extra,
  };
}

/** A fresh, funded node so tests do not share claim history. */
async function newNode(): Promise<Wallet> {
  const w = new Wallet(Wallet.createRandom().privateKey, f.provider);
  await (await f.deployer.sendTransaction({ to: w.address, value: 10n ** 18n })).wait();
  return w;
}

async function expectChainError(p: Promise<unknown>, code: string, key: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChainError);
  expect((err as ChainError).code).toBe(code);
  expect((err as ChainError).userMessage.key).toBe(key);
}

describe('PaymentVault', () => {
  it('records deposits and exposes payer and domain separator', async () => {
    expect(await balanceOf(f.addresses.vault)).toBe(TOKENS(1_000));
    expect(await readPayer(f.provider, f.addresses.vault)).toBe(f.payer.address);
    const onChain: string = await f.vault.getFunction('domainSeparator')();
    const { TypedDataEncoder } = await import('ethers');
    expect(onChain).toBe(TypedDataEncoder.hashDomain(domain()));
    const logs = await f.vault.queryFilter(f.vault.filters['Deposited']!(f.payer.address));
    expect(logs).toHaveLength(1);
  });

  it('hashes vouchers exactly as the off-chain helper does', async () => {
    const node = Wallet.createRandom();
    const v = await voucherFor(node, TOKENS(3));
    expect(await f.vault.getFunction('hashVoucher')({ ...v })).toBe(hashVoucher(domain(), v));
  });

  it('pays the exact difference since the last claim and raises the balance by exactly that', async () => {
    const node = await newNode();
    const payout = Wallet.createRandom().address;

    const v1 = await voucherFor(node, TOKENS(5), { payout });
    const r1 = await claimVoucher(
      node,
      f.addresses.vault,
      v1,
      await signVoucher(f.payer, domain(), v1),
    );
    expect(r1.amount).toBe(TOKENS(5));
    expect(r1.cumulative).toBe(TOKENS(5));
    expect(r1.payout).toBe(payout);
    expect(r1.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await balanceOf(payout)).toBe(TOKENS(5));

    const vaultBefore = await balanceOf(f.addresses.vault);
    const v2 = await voucherFor(node, TOKENS(5) + 123n, { payout, nonce: 2n });
    const r2 = await claimVoucher(
      node,
      f.addresses.vault,
      v2,
      await signVoucher(f.payer, domain(), v2),
    );
    expect(r2.amount).toBe(123n);
    expect(await balanceOf(payout)).toBe(TOKENS(5) + 123n);
    expect(await balanceOf(f.addresses.vault)).toBe(vaultBefore - 123n);
    expect(await readClaimed(f.provider, f.addresses.vault, node.address)).toBe(TOKENS(5) + 123n);
  });

  it('rejects the same voucher twice and a lower cumulative with NothingToClaim', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(2));
    const sig = await signVoucher(f.payer, domain(), v);
    await claimVoucher(node, f.addresses.vault, v, sig);
    await expectChainError(
      claimVoucher(node, f.addresses.vault, v, sig),
      'NothingToClaim',
      'chain:contract.nothingToClaim',
    );
    const lower = await voucherFor(node, TOKENS(1), { nonce: 9n });
    await expectChainError(
      claimVoucher(node, f.addresses.vault, lower, await signVoucher(f.payer, domain(), lower)),
      'NothingToClaim',
      'chain:contract.nothingToClaim',
    );
    expect(await balanceOf(node.address)).toBe(TOKENS(2));
  });

  it('rejects a voucher signed by someone other than the payer', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1));
    const forged = await signVoucher(node, domain(), v);
    expect(verifyVoucher(domain(), v, forged, f.payer.address)).toBe(false);
    await expectChainError(
      claimVoucher(node, f.addresses.vault, v, forged),
      'BadSignature',
      'chain:contract.badSignature',
    );
    expect(await balanceOf(node.address)).toBe(0n);
  });

  it('rejects a voucher whose fields were changed after signing', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1));
    const sig = await signVoucher(f.payer, domain(), v);
    const inflated = { ...v, cumulative: TOKENS(100) };
    expect(verifyVoucher(domain(), inflated, sig, f.payer.address)).toBe(false);
    await expectChainError(
      claimVoucher(node, f.addresses.vault, inflated, sig),
      'BadSignature',
      'chain:contract.badSignature',
    );
  });

  it('rejects a voucher signed for chain 1 on this chain', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1));
    const mainnetSig = await signVoucher(f.payer, voucherDomain(1, f.addresses.vault), v);
    expect(verifyVoucher(voucherDomain(1, f.addresses.vault), v, mainnetSig, f.payer.address)).toBe(
      true,
    );
    await expectChainError(
      claimVoucher(node, f.addresses.vault, v, mainnetSig),
      'BadSignature',
      'chain:contract.badSignature',
    );
  });

  it('rejects an expired voucher', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1), { deadline: (await chainNow()) - 1n });
    await expectChainError(
      claimVoucher(node, f.addresses.vault, v, await signVoucher(f.payer, domain(), v)),
      'Expired',
      'chain:contract.expired',
    );
  });

  it('rejects a claim larger than the vault holds, with the amounts in tokens', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1_000_000));
    const err = await claimVoucher(
      node,
      f.addresses.vault,
      v,
      await signVoucher(f.payer, domain(), v),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainError);
    const ce = err as ChainError;
    expect(ce.code).toBe('Insufficient');
    expect(ce.userMessage.key).toBe('chain:contract.insufficient');
    expect(ce.userMessage.values?.['needed']).toBe('1000000.0');
  });

  it('after payer rotation accepts the new payer only; claimed totals carry over', async () => {
    const node = await newNode();
    const v1 = await voucherFor(node, TOKENS(1));
    await claimVoucher(node, f.addresses.vault, v1, await signVoucher(f.payer, domain(), v1));

    const newPayer = Wallet.createRandom();
    await expectChainError(
      chainCall(() => f.as(node).vault.getFunction('setPayer').send(newPayer.address)),
      'OwnableUnauthorizedAccount',
      'chain:contract.notOwner',
    );
    await (await f.vault.getFunction('setPayer')(newPayer.address)).wait();
    try {
      const v2 = await voucherFor(node, TOKENS(3), { nonce: 2n });
      await expectChainError(
        claimVoucher(node, f.addresses.vault, v2, await signVoucher(f.payer, domain(), v2)),
        'BadSignature',
        'chain:contract.badSignature',
      );
      const r = await claimVoucher(
        node,
        f.addresses.vault,
        v2,
        await signVoucher(newPayer, domain(), v2),
      );
      expect(r.amount).toBe(TOKENS(2));
    } finally {
      await (await f.vault.getFunction('setPayer')(f.payer.address)).wait();
    }
  });

  it('refuses claims while paused', async () => {
    const node = await newNode();
    const v = await voucherFor(node, TOKENS(1));
    const sig = await signVoucher(f.payer, domain(), v);
    await (await f.vault.getFunction('pause')()).wait();
    try {
      await expectChainError(
        claimVoucher(node, f.addresses.vault, v, sig),
        'EnforcedPause',
        'chain:contract.paused',
      );
    } finally {
      await (await f.vault.getFunction('unpause')()).wait();
    }
    expect((await claimVoucher(node, f.addresses.vault, v, sig)).amount).toBe(TOKENS(1));
  });

  it('round-trips vouchers through the wire form and refuses malformed ones', async () => {
    const v = await voucherFor(Wallet.createRandom(), 2n ** 255n);
    expect(voucherFromWire(JSON.parse(JSON.stringify(voucherToWire(v))))).toEqual(v);
    const bad = { ...voucherToWire(v), cumulative: '-1' };
    expect(() => voucherFromWire(bad)).toThrow(ChainError);
    expect(() =>
      voucherFromWire({ ...voucherToWire(v), cumulative: (2n ** 256n).toString() }),
    ).toThrow(ChainError);
    expect(() => voucherFromWire({ ...voucherToWire(v), extra: 1 })).toThrow(ChainError);
  });
});
