import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  HDNodeWallet,
  Mnemonic,
  Wallet,
  decryptKeystoreJson,
  encryptKeystoreJson,
  getAddress,
  isError,
} from 'ethers';
import type { KeystoreAccount } from 'ethers';
import { WalletError } from './errors.js';
import { writeFileAtomic } from './atomic-file.js';

/**
 * The wallet's secrets on disk: an ethers/Web3 v3 JSON keystore (scrypt + AES-CTR),
 * nothing else. Only the async ethers APIs are used: the sync ones block the event
 * loop for seconds at real scrypt costs.
 */

/** ethers' default cost (~1 s on a desktop). Tests lower it; files record their own N. */
export const DEFAULT_SCRYPT_N = 1 << 17;

export interface ScryptOptions {
  N: number;
}

const hex = (len?: number) =>
  z
    .string()
    .regex(len === undefined ? /^(0x)?[0-9a-fA-F]*$/ : new RegExp(`^(0x)?[0-9a-fA-F]{${len}}$`));

/** Only the shape we rely on; ethers checks the MAC and the rest when decrypting. */
const CryptoSectionSchema = z.looseObject({
  cipher: z.literal('aes-128-ctr'),
  ciphertext: hex(),
  mac: hex(64),
  kdf: z.literal('scrypt'),
  kdfparams: z.looseObject({
    n: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    dklen: z.number().int().positive(),
    salt: hex(),
  }),
});
const KeystoreFileSchema = z.looseObject({
  version: z.literal(3),
  address: hex(40),
  // ethers writes "Crypto", the v3 spec says "crypto"; readers accept either.
  crypto: CryptoSectionSchema.optional(),
  Crypto: CryptoSectionSchema.optional(),
  'x-ethers': z.looseObject({ mnemonicCiphertext: hex().optional() }).optional(),
});

/** What can be learnt from a keystore without its password: no secrets. */
export interface KeystoreInfo {
  json: string;
  address: string;
  hasPhrase: boolean;
  scryptN: number;
}

/** A decrypted key. Lives only inside src/wallet, in private fields. */
export interface DecryptedKey {
  wallet: Wallet;
  phrase: string | null;
  path: string | null;
}

export function parseKeystore(json: string): KeystoreInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new WalletError('wallet:keystore.corrupt');
  }
  const parsed = KeystoreFileSchema.safeParse(raw);
  if (!parsed.success) throw new WalletError('wallet:keystore.corrupt');
  const data = parsed.data;
  const section = data.crypto ?? data.Crypto;
  if (section === undefined) throw new WalletError('wallet:keystore.corrupt');
  const address = getAddress(data.address.startsWith('0x') ? data.address : `0x${data.address}`);
  return {
    json,
    address,
    hasPhrase: data['x-ethers']?.mnemonicCiphertext !== undefined,
    scryptN: section.kdfparams.n,
  };
}

export async function readKeystoreFile(path: string): Promise<KeystoreInfo | null> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WalletError('wallet:keystore.unreadable');
  }
  return parseKeystore(json);
}

export function keystoreAccount(key: DecryptedKey): KeystoreAccount {
  const account: KeystoreAccount = {
    address: key.wallet.address,
    privateKey: key.wallet.privateKey,
  };
  if (key.phrase !== null) {
    account.mnemonic = {
      entropy: Mnemonic.fromPhrase(key.phrase).entropy,
      path: key.path ?? undefined,
      locale: 'en',
    };
  }
  return account;
}

export async function encryptKeystore(
  key: DecryptedKey,
  password: string,
  scrypt: ScryptOptions,
): Promise<string> {
  return encryptKeystoreJson(keystoreAccount(key), password, {
    scrypt: { N: scrypt.N, r: 8, p: 1 },
  });
}

/** Encrypts and writes atomically with mode 0600; returns what was written. */
export async function writeKeystore(
  path: string,
  key: DecryptedKey,
  password: string,
  scrypt: ScryptOptions,
): Promise<KeystoreInfo> {
  const json = await encryptKeystore(key, password, scrypt);
  await writeFileAtomic(path, json);
  return parseKeystore(json);
}

export async function decryptKeystore(info: KeystoreInfo, password: string): Promise<DecryptedKey> {
  let account: KeystoreAccount;
  try {
    account = await decryptKeystoreJson(info.json, password);
  } catch (err) {
    if (isError(err, 'INVALID_ARGUMENT') && err.argument === 'password') {
      throw new WalletError('wallet:errors.wrongPassword');
    }
    throw new WalletError('wallet:keystore.corrupt');
  }
  const wallet = new Wallet(account.privateKey);
  if (account.mnemonic === undefined) {
    return { wallet, phrase: null, path: null };
  }
  const mnemonic = Mnemonic.fromEntropy(account.mnemonic.entropy);
  const path = account.mnemonic.path ?? null;
  // The phrase must still lead to the stored key, or a restore from paper would
  // open a different (empty) wallet: refuse rather than show a phrase that lies.
  const derived = HDNodeWallet.fromMnemonic(mnemonic, path ?? undefined);
  if (derived.address !== wallet.address) throw new WalletError('wallet:keystore.corrupt');
  return { wallet, phrase: mnemonic.phrase, path };
}
