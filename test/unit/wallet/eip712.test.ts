import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Wallet, hexlify, randomBytes } from 'ethers';
import {
  ReceiptVerifier,
  signReceipt,
  verifyReceipt,
  type ReceiptDomain,
  type UsageReceipt,
} from '../../../src/wallet/eip712.js';
import { DeviceKey } from '../../../src/wallet/device-key.js';
import { FileSecretVault } from '../../../src/platform/secret-vault.js';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

const node = Wallet.createRandom();
const domain: ReceiptDomain = {
  chainId: 31337n,
  verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
};

function receiptFor(nodeAddress: string, nonce = 1n): UsageReceipt {
  return {
    jobId: hexlify(randomBytes(32)),
    node: nodeAddress,
    payout: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    gpuSeconds: 3600n,
    energyWh: 250n,
    amount: 10n ** 18n,
    resultsHash: hexlify(randomBytes(32)),
    nonce,
  };
}

describe('EIP-712 usage receipts', () => {
  it('verifies a receipt signed by the node it names', async () => {
    const receipt = receiptFor(node.address);
    const sig = await signReceipt(node, domain, receipt);
    expect(verifyReceipt(domain, receipt, sig)).toEqual({ ok: true, signer: node.address });
  });

  it('property: changing any field breaks the signature', async () => {
    const receipt = receiptFor(node.address);
    const sig = await signReceipt(node, domain, receipt);
    const other = Wallet.createRandom().address;
    const tamper: Record<keyof UsageReceipt, (r: UsageReceipt) => UsageReceipt> = {
      jobId: (r) => ({ ...r, jobId: hexlify(randomBytes(32)) }),
      node: (r) => ({ ...r, node: other }),
      payout: (r) => ({ ...r, payout: other }),
      gpuSeconds: (r) => ({ ...r, gpuSeconds: r.gpuSeconds + 1n }),
      energyWh: (r) => ({ ...r, energyWh: r.energyWh + 1n }),
      amount: (r) => ({ ...r, amount: r.amount * 2n }),
      resultsHash: (r) => ({ ...r, resultsHash: hexlify(randomBytes(32)) }),
      nonce: (r) => ({ ...r, nonce: r.nonce + 1n }),
    };
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(tamper) as (keyof UsageReceipt)[])), (field) => {
        const check = verifyReceipt(domain, tamper[field](receipt), sig);
        expect(check).toEqual({ ok: false, reason: { key: 'wallet:receipt.badSignature' } });
      }),
    );
  });

  it('rejects a receipt presented on another chain or for another contract', async () => {
    const receipt = receiptFor(node.address);
    const sig = await signReceipt(node, domain, receipt);
    expect(verifyReceipt({ ...domain, chainId: 1n }, receipt, sig).ok).toBe(false);
    expect(
      verifyReceipt(
        { ...domain, verifyingContract: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' },
        receipt,
        sig,
      ).ok,
    ).toBe(false);
  });

  it('a verifier with a seen-nonce set accepts each (node, nonce) once', async () => {
    const verifier = new ReceiptVerifier(domain);
    const first = receiptFor(node.address, 7n);
    const sig = await signReceipt(node, domain, first);
    expect(verifier.verify(first, sig).ok).toBe(true);
    expect(verifier.verify(first, sig)).toEqual({
      ok: false,
      reason: { key: 'wallet:receipt.nonceReused', values: { nonce: '7' } },
    });
    // A different receipt reusing the nonce is a replay too.
    const second = receiptFor(node.address, 7n);
    expect(verifier.verify(second, await signReceipt(node, domain, second)).ok).toBe(false);
    // Another node's nonce 7 is its own.
    const other = Wallet.createRandom();
    const theirs = receiptFor(other.address, 7n);
    expect(verifier.verify(theirs, await signReceipt(other, domain, theirs)).ok).toBe(true);
    // The set survives a restart through seenNonces().
    const restarted = new ReceiptVerifier(domain, verifier.seenNonces());
    expect(restarted.verify(first, sig).ok).toBe(false);
  });

  it('does not burn a nonce on a receipt that fails to verify', async () => {
    const verifier = new ReceiptVerifier(domain);
    const receipt = receiptFor(node.address, 9n);
    const sig = await signReceipt(node, domain, receipt);
    expect(verifier.verify({ ...receipt, amount: 1n }, sig).ok).toBe(false);
    expect(verifier.verify(receipt, sig).ok).toBe(true);
  });

  it('answers malformed input with a reason, not an exception', () => {
    const receipt = receiptFor(node.address);
    expect(verifyReceipt(domain, { ...receipt, jobId: '0x12' }, '0x' + '1'.repeat(130))).toEqual({
      ok: false,
      reason: { key: 'wallet:receipt.malformed' },
    });
    expect(verifyReceipt(domain, receipt, 'nope').ok).toBe(false);
    expect(verifyReceipt(domain, null, '0x').ok).toBe(false);
    expect(verifyReceipt(domain, receipt, '0x' + '1'.repeat(130))).toEqual({
      ok: false,
      reason: { key: 'wallet:receipt.badSignature' },
    });
  });

  describe('signed by the device key', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => ({ dir, cleanup } = await tempDir()));
    afterAll(() => cleanup());

    it('signs receipts naming itself and refuses others', async () => {
      const device = await DeviceKey.loadOrCreate(dir, new FileSecretVault(join(dir, 'vault.key')));
      const receipt = receiptFor(device.address);
      const sig = await device.signReceipt(domain, receipt);
      expect(verifyReceipt(domain, receipt, sig)).toEqual({ ok: true, signer: device.address });
      await expect(device.signReceipt(domain, receiptFor(node.address))).rejects.toThrow(
        'wallet:receipt.notThisNode',
      );
    });
  });
});
