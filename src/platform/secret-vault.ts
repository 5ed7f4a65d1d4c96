import { open, readFile, chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts small secrets with a key the operating system keeps for this user.
 * Electron's safeStorage implements it in main/; `FileSecretVault` is the fallback
 * for plain Node (headless), which is only as safe as the user's file permissions.
 */
export interface SecretVault {
  /** false when the OS store is locked or missing: callers must not fall back silently. */
  available(): boolean;
  /** 'safeStorage', 'file', …: recorded next to what it encrypted. */
  readonly kind: string;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<Buffer>;
}

export class SecretVaultError extends Error {
  constructor(readonly code: 'keyFileInvalid' | 'sealedInvalid' | 'unavailable') {
    super(`secret-vault: ${code}`);
    this.name = 'SecretVaultError';
  }
}

const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 32-byte key kept in a 0600 file. Sealed layout:
 * version(1) ‖ iv(12) ‖ tag(16) ‖ ciphertext. GCM makes any tampering or a
 * different key fail loudly instead of decrypting to garbage.
 */
export class FileSecretVault implements SecretVault {
  readonly kind = 'file';
  #key: Promise<Buffer> | null = null;

  constructor(private readonly keyPath: string) {}

  available(): boolean {
    return true;
  }

  async encrypt(plain: Buffer): Promise<Buffer> {
    const key = await this.key();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  async decrypt(sealed: Buffer): Promise<Buffer> {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
      throw new SecretVaultError('sealedInvalid');
    }
    const key = await this.key();
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const body = sealed.subarray(1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new SecretVaultError('sealedInvalid');
    }
  }

  private key(): Promise<Buffer> {
    this.#key ??= this.loadOrCreateKey().catch((err: unknown) => {
      this.#key = null;
      throw err;
    });
    return this.#key;
  }

  private async loadOrCreateKey(): Promise<Buffer> {
    await mkdir(dirname(this.keyPath), { recursive: true, mode: 0o700 });
    try {
      // 'wx': exclusive create, so two starts racing never end with two keys.
      const handle = await open(this.keyPath, 'wx', 0o600);
      const key = randomBytes(KEY_BYTES);
      try {
        await handle.writeFile(key);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return key;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = await readFile(this.keyPath);
    if (key.length !== KEY_BYTES) throw new SecretVaultError('keyFileInvalid');
    // Tighten a key file someone copied around with looser permissions.
    await chmod(this.keyPath, 0o600).catch(() => undefined);
    return key;
  }
}
