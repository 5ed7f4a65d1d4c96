import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HDNodeWallet, Wallet } from 'ethers';
import {
  decryptKeystore,
  parseKeystore,
  readKeystoreFile,
  writeKeystore,
  type DecryptedKey,
} from '../../../src/wallet/keystore.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { FAST_SCRYPT, PASSWORD, TEST_PHRASE, TEST_PHRASE_ADDRESS, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const phraseKey = (): DecryptedKey => {
  const hd = HDNodeWallet.fromPhrase(TEST_PHRASE);
  return { wallet: new Wallet(hd.privateKey), phrase: TEST_PHRASE, path: hd.path };
};

describe('keystore', () => {
  it('round-trips a phrase wallet: same address, same phrase, same path', async () => {
    const path = join(dir, 'keystore.json');
    const written = await writeKeystore(path, phraseKey(), PASSWORD, FAST_SCRYPT);
    expect(written.address).toBe(TEST_PHRASE_ADDRESS);
    expect(written.hasPhrase).toBe(true);

    const info = await readKeystoreFile(path);
    expect(info).not.toBeNull();
    const key = await decryptKeystore(info!, PASSWORD);
    expect(key.wallet.address).toBe(TEST_PHRASE_ADDRESS);
    expect(key.phrase).toBe(TEST_PHRASE);
    expect(key.path).toBe("m/44'/60'/0'/0/0");
  });

  it('round-trips a bare private key with no phrase', async () => {
    const wallet = Wallet.createRandom();
    const path = join(dir, 'keystore.json');
    await writeKeystore(
      path,
      { wallet: new Wallet(wallet.privateKey), phrase: null, path: null },
      PASSWORD,
      FAST_SCRYPT,
    );
    const info = (await readKeystoreFile(path))!;
    expect(info.hasPhrase).toBe(false);
    const key = await decryptKeystore(info, PASSWORD);
    expect(key.wallet.privateKey).toBe(wallet.privateKey);
    expect(key.phrase).toBeNull();
  });

  it('records the scrypt cost in the file so it can be raised later', async () => {
    const path = join(dir, 'keystore.json');
    await writeKeystore(path, phraseKey(), PASSWORD, { N: 1 << 11 });
    const json = JSON.parse(await readFile(path, 'utf8')) as {
      Crypto: { kdf: string; kdfparams: { n: number } };
    };
    expect(json.Crypto.kdf).toBe('scrypt');
    expect(json.Crypto.kdfparams.n).toBe(1 << 11);
    expect((await readKeystoreFile(path))!.scryptN).toBe(1 << 11);
  });

  it('writes owner-only (0600), leaves no temp files, and holds no plaintext secret', async () => {
    const path = join(dir, 'keystore.json');
    const key = phraseKey();
    await writeKeystore(path, key, PASSWORD, FAST_SCRYPT);
    await writeKeystore(path, key, PASSWORD, FAST_SCRYPT); // overwrite goes through rename too
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['keystore.json']);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(key.wallet.privateKey.slice(2));
    expect(text).not.toContain('junk');
  });

  it('says "wrong password" for a wrong password, distinct from a damaged file', async () => {
    const path = join(dir, 'keystore.json');
    await writeKeystore(path, phraseKey(), PASSWORD, FAST_SCRYPT);
    const info = (await readKeystoreFile(path))!;
    const wrong = await decryptKeystore(info, 'not the password').catch((e: unknown) => e);
    expect(isWalletError(wrong, 'wallet:errors.wrongPassword')).toBe(true);

    const json = JSON.parse(info.json) as { Crypto: { ciphertext: string } };
    json.Crypto.ciphertext = 'zz';
    await writeFile(path, JSON.stringify(json));
    const damaged = await readKeystoreFile(path).catch((e: unknown) => e);
    expect(isWalletError(damaged, 'wallet:keystore.corrupt')).toBe(true);
  });

  it('refuses files that are not keystores', () => {
    for (const text of ['', 'not json', '{}', JSON.stringify({ version: 3, address: 'x' })]) {
      expect(() => parseKeystore(text)).toThrowError('wallet:keystore.corrupt');
    }
  });

  it('reports a missing keystore as null, not an error', async () => {
    expect(await readKeystoreFile(join(dir, 'nope.json'))).toBeNull();
  });
});
