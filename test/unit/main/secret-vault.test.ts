import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSafeStorageVault, type SafeStorageLike } from '../../../main/secret-vault.js';

/** A safeStorage stand-in: seals by XOR with a fixed pad and a marker, like a real one it needs its key. */
function fakeSafeStorage(
  backend: string,
  encryptionAvailable = true,
): SafeStorageLike & { sealedCount: number } {
  const marker = Buffer.from('v10');
  const pad = (buf: Buffer) => Buffer.from(buf.map((b, i) => b ^ ((0x5a + i) % 256)));
  return {
    sealedCount: 0,
    isEncryptionAvailable: () => encryptionAvailable,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      this.sealedCount++;
      return Buffer.concat([marker, pad(Buffer.from(text, 'utf8'))]);
    },
    decryptString(sealed) {
      if (!sealed.subarray(0, 3).equals(marker))
        throw new Error('Error while decrypting the ciphertext');
      return pad(sealed.subarray(3)).toString('utf8');
    },
  };
}

describe('createSafeStorageVault', () => {
  it.each(['basic_text', 'unknown'])(
    'is not available on Linux when the backend is %s (no real OS keyring)',
    async (backend) => {
      const storage = fakeSafeStorage(backend);
      const vault = createSafeStorageVault(storage, 'linux');
      expect(vault.available()).toBe(false);
      await expect(vault.encrypt(Buffer.from('password'))).rejects.toThrow('unavailable');
      expect(storage.sealedCount).toBe(0);
    },
  );

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])(
    'is available on Linux with %s',
    (backend) => {
      expect(createSafeStorageVault(fakeSafeStorage(backend), 'linux').available()).toBe(true);
    },
  );

  it('trusts the OS store on macOS and Windows, where there is no backend choice', () => {
    expect(createSafeStorageVault(fakeSafeStorage('unknown'), 'darwin').available()).toBe(true);
    expect(createSafeStorageVault(fakeSafeStorage('unknown'), 'win32').available()).toBe(true);
  });

  it('is not available anywhere when safeStorage says encryption is unavailable', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        createSafeStorageVault(fakeSafeStorage('gnome_libsecret', false), platform).available(),
      ).toBe(false);
    }
  });

  it('round-trips any bytes and names itself', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage('gnome_libsecret'), 'linux');
    expect(vault.kind).toBe('safeStorage');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
        const plain = Buffer.from(bytes);
        expect((await vault.decrypt(await vault.encrypt(plain))).equals(plain)).toBe(true);
      }),
    );
  });

  it('reports damaged or foreign sealed data as sealedInvalid', async () => {
    const storage = fakeSafeStorage('gnome_libsecret');
    const vault = createSafeStorageVault(storage, 'linux');
    await expect(vault.decrypt(Buffer.from('garbage'))).rejects.toThrow('sealedInvalid');
    // Decrypts, but to something this vault never sealed.
    await expect(vault.decrypt(storage.encryptString('not base64!'))).rejects.toThrow(
      'sealedInvalid',
    );
  });
});
