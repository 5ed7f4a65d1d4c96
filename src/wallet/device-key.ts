import { readFile, rename, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Wallet, getAddress, hexlify, randomBytes, verifyMessage } from 'ethers';
import type { Provider, Signer, TypedDataDomain, TypedDataField } from 'ethers';
import type { SecretVault } from '../platform/secret-vault.js';
import { WalletError } from './errors.js';
import { writeFileAtomic } from './atomic-file.js';
import {
  signReceipt,
  type ReceiptDomain,
  type TypedDataSigner,
  type UsageReceipt,
} from './eip712.js';

/**
 * The node's own key: signs protocol messages and usage receipts around the clock
 * without the owner's password. It holds no money; the owner's wallet vouches for
 * it once with a binding signature, so it can be replaced without moving funds.
 * Sealed on disk by the OS secret store (safeStorage) or the file fallback.
 */

export const DEVICE_KEY_FILE = 'device-key.json';

const DeviceKeyFileSchema = z.object({
  version: z.literal(1),
  vault: z.string(),
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  sealed: z.base64(),
});

export class DeviceKey implements TypedDataSigner {
  readonly #wallet: Wallet;

  private constructor(wallet: Wallet) {
    this.#wallet = wallet;
  }

  get address(): string {
    return this.#wallet.address;
  }

  /** Opens the key in `dir`, creating it on first start. */
  static async loadOrCreate(dir: string, vault: SecretVault): Promise<DeviceKey> {
    if (!vault.available()) throw new WalletError('wallet:device.vaultUnavailable');
    const path = join(dir, DEVICE_KEY_FILE);
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new WalletError('wallet:device.unreadable');
    }
    if (text === null) return DeviceKey.create(dir, vault);
    return DeviceKey.open(text, vault);
  }

  /**
   * For a key the vault can no longer open (OS secret store reset, file moved to
   * another PC): keeps the old file aside, never deletes it, and starts a new key.
   * The wallet must then bind the new device address again.
   */
  static async replace(
    dir: string,
    vault: SecretVault,
    now: Date = new Date(),
  ): Promise<DeviceKey> {
    const path = join(dir, DEVICE_KEY_FILE);
    await rename(path, `${path}.replaced-${now.getTime()}`).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw new WalletError('wallet:device.unreadable');
    });
    return DeviceKey.create(dir, vault);
  }

  private static async create(dir: string, vault: SecretVault): Promise<DeviceKey> {
    const wallet = new Wallet(hexlify(randomBytes(32)));
    const secret = Buffer.from(wallet.privateKey.slice(2), 'hex');
    let sealed: Buffer;
    try {
      sealed = await vault.encrypt(secret);
    } catch {
      throw new WalletError('wallet:device.vaultUnavailable');
    } finally {
      secret.fill(0);
    }
    const file = {
      version: 1,
      vault: vault.kind,
      address: wallet.address,
      sealed: sealed.toString('base64'),
    };
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(dir, DEVICE_KEY_FILE), JSON.stringify(file, null, 2));
    return new DeviceKey(wallet);
  }

  private static async open(text: string, vault: SecretVault): Promise<DeviceKey> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new WalletError('wallet:device.unreadable');
    }
    const file = DeviceKeyFileSchema.safeParse(raw);
    if (!file.success) throw new WalletError('wallet:device.unreadable');
    if (file.data.vault !== vault.kind) {
      throw new WalletError('wallet:device.otherVault', {
        stored: file.data.vault,
        current: vault.kind,
      });
    }
    let secret: Buffer;
    try {
      secret = await vault.decrypt(Buffer.from(file.data.sealed, 'base64'));
    } catch {
      throw new WalletError('wallet:device.unreadable');
    }
    if (secret.length !== 32) throw new WalletError('wallet:device.unreadable');
    let wallet: Wallet;
    try {
      wallet = new Wallet(`0x${secret.toString('hex')}`);
    } catch {
      throw new WalletError('wallet:device.unreadable');
    } finally {
      secret.fill(0);
    }
    if (wallet.address !== getAddress(file.data.address))
      throw new WalletError('wallet:device.unreadable');
    return new DeviceKey(wallet);
  }

  signMessage(message: string | Uint8Array): Promise<string> {
    return this.#wallet.signMessage(message);
  }

  /**
   * The device key as a transaction signer on the network's chain: it submits claims
   * (paying the gas; the tokens go to the voucher's payout address). Stays in the core.
   */
  transactionSigner(provider: Provider): Pick<Signer, 'getAddress' | 'signTransaction'> {
    const connected = this.#wallet.connect(provider);
    return {
      getAddress: () => connected.getAddress(),
      signTransaction: (tx) => connected.signTransaction(tx),
    };
  }

  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string> {
    return this.#wallet.signTypedData(domain, types, value);
  }

  /** Signs a usage receipt; refuses one that names another node. */
  async signReceipt(domain: ReceiptDomain, receipt: UsageReceipt): Promise<string> {
    if (receipt.node.toLowerCase() !== this.address.toLowerCase()) {
      throw new WalletError('wallet:receipt.notThisNode');
    }
    return signReceipt(this, domain, receipt);
  }
}

// ---- binding: the payout wallet vouches for the device key -------------------

export const DeviceBindingSchema = z.object({
  deviceAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  payout: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  /** Unix seconds. */
  timestamp: z.number().int().positive(),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/),
});
export type DeviceBinding = z.infer<typeof DeviceBindingSchema>;

/** The exact text the payout wallet signs (EIP-191 personal_sign). */
export function bindingMessage(deviceAddress: string, payout: string, timestamp: number): string {
  const at = new Date(timestamp * 1000).toISOString();
  return `Lumbung device binding: ${getAddress(deviceAddress)} pays to ${getAddress(payout)} at ${at}`;
}

export async function createBinding(
  payoutSigner: { address: string; signMessage(message: string): Promise<string> },
  deviceAddress: string,
  timestamp: number,
): Promise<DeviceBinding> {
  const payout = getAddress(payoutSigner.address);
  const signature = await payoutSigner.signMessage(
    bindingMessage(deviceAddress, payout, timestamp),
  );
  return { deviceAddress: getAddress(deviceAddress), payout, timestamp, signature };
}

/** True when the payout wallet really signed this device address and time. */
export function verifyBinding(binding: unknown): boolean {
  const parsed = DeviceBindingSchema.safeParse(binding);
  if (!parsed.success) return false;
  const b = parsed.data;
  try {
    const signer = verifyMessage(
      bindingMessage(b.deviceAddress, b.payout, b.timestamp),
      b.signature,
    );
    return signer === getAddress(b.payout);
  } catch {
    return false;
  }
}
