import { SecretVaultError, type SecretVault } from '../src/platform/secret-vault.js';

/** The part of Electron's safeStorage the vault uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which keyring Chromium picked. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Linux backends that are a real OS keyring. `basic_text` is a hard-coded key that
 * protects nothing, and `unknown` means the choice was not made yet: both count as
 * "no vault", so the wallet asks for its password instead of storing it weakly.
 */
const REAL_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A SecretVault over Electron's safeStorage (Keychain, DPAPI, libsecret/KWallet). */
export function createSafeStorageVault(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): SecretVault {
  const available = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform !== 'linux') return true;
    return REAL_LINUX_BACKENDS.has(safeStorage.getSelectedStorageBackend());
  };
  return {
    kind: 'safeStorage',
    available,
    async encrypt(plain: Buffer): Promise<Buffer> {
      if (!available()) throw new SecretVaultError('unavailable');
      // safeStorage seals strings; base64 carries any bytes through it unchanged.
      return safeStorage.encryptString(plain.toString('base64'));
    },
    async decrypt(sealed: Buffer): Promise<Buffer> {
      if (!available()) throw new SecretVaultError('unavailable');
      let text: string;
      try {
        text = safeStorage.decryptString(sealed);
      } catch {
        throw new SecretVaultError('sealedInvalid');
      }
      if (!BASE64.test(text) || text.length % 4 !== 0) throw new SecretVaultError('sealedInvalid');
      return Buffer.from(text, 'base64');
    },
  };
}
