import { HDNodeWallet, LangEn, Mnemonic, getAddress, isError } from 'ethers';
import { DEFAULT_DERIVATION_PATH } from '../api/wallet-schemas.js';
import { WalletError } from './errors.js';

/**
 * Checks what an owner types or pastes, with one distinct plain-word error per
 * mistake. Errors never quote the input: a misspelt phrase is still most of a
 * secret, so they name positions and counts only.
 */

export const PHRASE_WORD_COUNTS = [12, 15, 18, 21, 24] as const;
const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** Lower case, single spaces; tolerates the line breaks and double spaces of a paste. */
export function splitPhrase(input: string): string[] {
  return input
    .normalize('NFKD')
    .toLowerCase()
    .trim()
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/** Returns the normalized phrase or throws the first problem found. */
export function validateMnemonic(input: string): string {
  const words = splitPhrase(input);
  if (!(PHRASE_WORD_COUNTS as readonly number[]).includes(words.length)) {
    throw new WalletError('wallet:mnemonic.wordCount', { count: words.length });
  }
  const wordlist = LangEn.wordlist();
  words.forEach((word, i) => {
    if (wordlist.getWordIndex(word) < 0)
      throw new WalletError('wallet:mnemonic.unknownWord', { position: i + 1 });
  });
  const phrase = words.join(' ');
  if (!Mnemonic.isValidMnemonic(phrase)) throw new WalletError('wallet:mnemonic.badChecksum');
  return phrase;
}

export function validateDerivationPath(path: string): string {
  if (!/^m(\/[0-9]{1,10}'?){1,10}$/.test(path)) throw new WalletError('wallet:mnemonic.badPath');
  return path;
}

/** Derives the wallet a phrase opens, after validating both. */
export function walletFromPhrase(
  input: string,
  path: string = DEFAULT_DERIVATION_PATH,
): HDNodeWallet {
  const phrase = validateMnemonic(input);
  const validPath = validateDerivationPath(path);
  try {
    return HDNodeWallet.fromPhrase(phrase, undefined, validPath);
  } catch {
    throw new WalletError('wallet:mnemonic.badPath');
  }
}

/** Accepts 64 hex digits with or without 0x; returns it 0x-prefixed, lower case. */
export function validatePrivateKey(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.startsWith('0x') || trimmed.startsWith('0X') ? trimmed.slice(2) : trimmed;
  if (!/^[0-9a-fA-F]*$/.test(digits)) throw new WalletError('wallet:key.notHex');
  if (digits.length !== 64)
    throw new WalletError('wallet:key.wrongLength', { length: digits.length });
  const value = BigInt(`0x${digits}`);
  if (value === 0n || value >= SECP256K1_ORDER) throw new WalletError('wallet:key.outOfRange');
  return `0x${digits.toLowerCase()}`;
}

/**
 * Returns the checksummed address. All-lower or all-upper case carries no checksum
 * and is accepted; mixed case must match EIP-55, because a wrong mix is a typo.
 */
export function validateAddress(input: string): string {
  const trimmed = input.trim();
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) throw new WalletError('wallet:address.malformed');
  let address: string;
  try {
    address = getAddress(trimmed);
  } catch (err) {
    if (isError(err, 'INVALID_ARGUMENT')) throw new WalletError('wallet:address.badChecksum');
    throw new WalletError('wallet:address.malformed');
  }
  if (BigInt(address) === 0n) throw new WalletError('wallet:address.zero');
  return address;
}
