import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { FileSecretVault, type SecretVault } from '../../../src/platform/secret-vault.js';
import {
  DEVICE_KEY_FILE,
  DeviceKey,
  bindingMessage,
  createBinding,
  verifyBinding,
} from '../../../src/wallet/device-key.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('FileSecretVault', () => {
  it('round-trips, keeps its key owner-only, and detects tampering or another key', async () => {
    const vault = new FileSecretVault(join(dir, 'k', 'vault.key'));
    const sealed = await vault.encrypt(Buffer.from('secret'));
    expect(sealed.includes(Buffer.from('secret'))).toBe(false);
    expect((await vault.decrypt(sealed)).toString()).toBe('secret');
    if (process.platform !== 'win32') expect(await mode(join(dir, 'k', 'vault.key'))).toBe(0o600);
    expect((await readFile(join(dir, 'k', 'vault.key'))).length).toBe(32);

    // Same key file, new instance (a restart): still opens.
    expect(
      (await new FileSecretVault(join(dir, 'k', 'vault.key')).decrypt(sealed)).toString(),
    ).toBe('secret');

    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    await expect(vault.decrypt(flipped)).rejects.toThrow('sealedInvalid');
    await expect(new FileSecretVault(join(dir, 'other.key')).decrypt(sealed)).rejects.toThrow(
      'sealedInvalid',
    );
    await expect(vault.decrypt(Buffer.from([9, 9]))).rejects.toThrow('sealedInvalid');
  });

  it('refuses a key file of the wrong size rather than using it', async () => {
    await writeFile(join(dir, 'bad.key'), Buffer.alloc(5));
    await expect(
      new FileSecretVault(join(dir, 'bad.key')).encrypt(Buffer.from('x')),
    ).rejects.toThrow('keyFileInvalid');
  });
});

describe('DeviceKey', () => {
  const vaultIn = (d: string) => new FileSecretVault(join(d, 'vault.key'));

  it('is created on first start and the same key opens on the next', async () => {
    const first = await DeviceKey.loadOrCreate(dir, vaultIn(dir));
    const again = await DeviceKey.loadOrCreate(dir, vaultIn(dir));
    expect(again.address).toBe(first.address);
    if (process.platform !== 'win32') expect(await mode(join(dir, DEVICE_KEY_FILE))).toBe(0o600);
    const file = await readFile(join(dir, DEVICE_KEY_FILE), 'utf8');
    expect(file).toContain(first.address);
    expect(JSON.stringify(first)).not.toMatch(/[0-9a-f]{64}/i);
  });

  it('says so when the vault cannot open the key, and replace() keeps the old file aside', async () => {
    await DeviceKey.loadOrCreate(dir, vaultIn(dir));
    const foreign = new FileSecretVault(join(dir, 'another.key'));
    const err = await DeviceKey.loadOrCreate(dir, foreign).catch((e: unknown) => e);
    expect(isWalletError(err, 'wallet:device.unreadable')).toBe(true);
    const fresh = await DeviceKey.replace(dir, foreign);
    expect((await DeviceKey.loadOrCreate(dir, foreign)).address).toBe(fresh.address);
    expect((await readdir(dir)).some((n) => n.startsWith(`${DEVICE_KEY_FILE}.replaced-`))).toBe(
      true,
    );
  });

  it('refuses an unavailable vault and names a vault of another kind', async () => {
    const unavailable: SecretVault = {
      kind: 'safeStorage',
      available: () => false,
      encrypt: () => Promise.reject(new Error('no')),
      decrypt: () => Promise.reject(new Error('no')),
    };
    const e1 = await DeviceKey.loadOrCreate(dir, unavailable).catch((e: unknown) => e);
    expect(isWalletError(e1, 'wallet:device.vaultUnavailable')).toBe(true);
    await DeviceKey.loadOrCreate(dir, vaultIn(dir));
    const e2 = await DeviceKey.loadOrCreate(dir, { ...unavailable, available: () => true }).catch(
      (e: unknown) => e,
    );
    expect(isWalletError(e2, 'wallet:device.otherVault')).toBe(true);
  });

  it('is bound to the payout wallet by an EIP-191 signature that verifyBinding checks', async () => {
    const device = await DeviceKey.loadOrCreate(dir, vaultIn(dir));
    const payout = Wallet.createRandom();
    const binding = await createBinding(payout, device.address, 1_700_000_000);
    expect(bindingMessage(device.address, payout.address, 1_700_000_000)).toBe(
      `Lumbung device binding: ${device.address} pays to ${payout.address} at 2023-11-14T22:13:20.000Z`,
    );
    expect(verifyBinding(binding)).toBe(true);
    expect(verifyBinding({ ...binding, timestamp: binding.timestamp + 1 })).toBe(false);
    expect(verifyBinding({ ...binding, deviceAddress: Wallet.createRandom().address })).toBe(false);
    expect(verifyBinding({ ...binding, payout: Wallet.createRandom().address })).toBe(false);
    // Signed by the device itself rather than the wallet: not a binding.
    const selfSigned = {
      ...binding,
      signature: await device.signMessage(
        bindingMessage(device.address, payout.address, binding.timestamp),
      ),
    };
    expect(verifyBinding(selfSigned)).toBe(false);
    expect(verifyBinding({ nonsense: true })).toBe(false);
  });
});
