import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LangEn, Mnemonic, Wallet, getAddress } from 'ethers';
import {
  splitPhrase,
  validateAddress,
  validateDerivationPath,
  validateMnemonic,
  validatePrivateKey,
  walletFromPhrase,
} from '../../../src/wallet/mnemonic.js';
import { WalletError } from '../../../src/wallet/errors.js';
import { TEST_PHRASE, TEST_PHRASE_ADDRESS } from './helpers.js';

/** The WalletError a call throws, so tests compare keys and values, not English. */
function errorOf(fn: () => unknown): WalletError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WalletError) return err;
    throw err;
  }
  throw new Error('expected a WalletError');
}

const wordlist = LangEn.wordlist();
const entropyArb = fc
  .constantFrom(16, 20, 24, 28, 32)
  .chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

describe('recovery phrase validation', () => {
  it('accepts a valid phrase, tolerating case, line breaks and extra spaces', () => {
    expect(validateMnemonic(`  ${TEST_PHRASE.toUpperCase().replace(/ /g, '\n  ')} `)).toBe(
      TEST_PHRASE,
    );
    expect(walletFromPhrase(TEST_PHRASE).address).toBe(TEST_PHRASE_ADDRESS);
  });

  it('says how many words were given when the count is wrong', () => {
    const e = errorOf(() => validateMnemonic('test test test'));
    expect(e.info).toEqual({ key: 'wallet:mnemonic.wordCount', values: { count: 3 } });
    expect(errorOf(() => validateMnemonic('')).info.values).toEqual({ count: 0 });
  });

  it('names the position of an unknown word, never the word itself', () => {
    const typo = TEST_PHRASE.split(' ');
    typo[6] = 'tset';
    const e = errorOf(() => validateMnemonic(typo.join(' ')));
    expect(e.info).toEqual({ key: 'wallet:mnemonic.unknownWord', values: { position: 7 } });
    expect(JSON.stringify(e.info)).not.toContain('tset');
    expect(e.message).not.toContain('tset');
  });

  it('reports a bad checksum when every word is real but the phrase is not', () => {
    const e = errorOf(() =>
      validateMnemonic('test test test test test test test test test test test test'),
    );
    expect(e.key).toBe('wallet:mnemonic.badChecksum');
  });

  it('property: any real phrase validates; replacing one word by a non-word names that position', () => {
    fc.assert(
      fc.property(
        entropyArb,
        fc.nat(),
        fc.constantFrom('xyzzy', 'abandonn', 'bitcoin', 'zzz'),
        (entropy, at, bad) => {
          const phrase = Mnemonic.fromEntropy(entropy).phrase;
          expect(validateMnemonic(phrase)).toBe(phrase);
          const words = phrase.split(' ');
          const pos = at % words.length;
          words[pos] = bad;
          expect(errorOf(() => validateMnemonic(words.join(' '))).info).toEqual({
            key: 'wallet:mnemonic.unknownWord',
            values: { position: pos + 1 },
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('property: swapping in another real word is caught by the checksum (or is itself valid)', () => {
    fc.assert(
      fc.property(entropyArb, fc.nat(), fc.nat({ max: 2047 }), (entropy, at, idx) => {
        const words = Mnemonic.fromEntropy(entropy).phrase.split(' ');
        const pos = at % words.length;
        words[pos] = wordlist.getWord(idx);
        const phrase = words.join(' ');
        if (Mnemonic.isValidMnemonic(phrase)) expect(validateMnemonic(phrase)).toBe(phrase);
        else
          expect(errorOf(() => validateMnemonic(phrase)).key).toBe('wallet:mnemonic.badChecksum');
      }),
      { numRuns: 50 },
    );
  });

  it('splits on any whitespace', () => {
    expect(splitPhrase('a\tb\n\nc  d')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('checks derivation paths', () => {
    expect(validateDerivationPath("m/44'/60'/0'/0/1")).toBe("m/44'/60'/0'/0/1");
    for (const bad of ['', 'm', "44'/60'", 'm/x', "m/44''", 'm/ 1']) {
      expect(errorOf(() => validateDerivationPath(bad)).key).toBe('wallet:mnemonic.badPath');
    }
    expect(walletFromPhrase(TEST_PHRASE, "m/44'/60'/0'/0/1").address).toBe(
      getAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
    );
  });
});

describe('private key validation', () => {
  const key = '0x' + 'ab'.repeat(32);

  it('accepts 64 hex digits with or without 0x', () => {
    expect(validatePrivateKey(key)).toBe(key);
    expect(validatePrivateKey(` ${key.slice(2).toUpperCase()} `)).toBe(key);
  });

  it('gives a distinct error for each kind of mistake, never echoing the key', () => {
    const notHex = errorOf(() => validatePrivateKey('0x' + 'g'.repeat(64)));
    const short = errorOf(() => validatePrivateKey(key.slice(0, 40)));
    const zero = errorOf(() => validatePrivateKey('0x' + '0'.repeat(64)));
    const overOrder = errorOf(() => validatePrivateKey('0x' + 'f'.repeat(64)));
    expect(notHex.key).toBe('wallet:key.notHex');
    expect(short.info).toEqual({ key: 'wallet:key.wrongLength', values: { length: 38 } });
    expect(zero.key).toBe('wallet:key.outOfRange');
    expect(overOrder.key).toBe('wallet:key.outOfRange');
    for (const e of [notHex, short, zero, overOrder])
      expect(JSON.stringify(e.info) + e.message).not.toMatch(/abab/);
  });

  it('property: every random valid key opens the same address ethers derives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = '0x' + Buffer.from(bytes).toString('hex');
        const n = BigInt(hex);
        if (n === 0n || n >= 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n)
          return;
        expect(new Wallet(validatePrivateKey(hex)).address).toBe(new Wallet(hex).address);
      }),
      { numRuns: 30 },
    );
  });
});

describe('address validation', () => {
  const checksummed = TEST_PHRASE_ADDRESS;

  it('returns the EIP-55 checksummed form for any single-case spelling', () => {
    expect(validateAddress(checksummed)).toBe(checksummed);
    expect(validateAddress(checksummed.toLowerCase())).toBe(checksummed);
    expect(validateAddress('0x' + checksummed.slice(2).toUpperCase())).toBe(checksummed);
  });

  it('property: flipping the case of one letter in a checksummed address is a checksum error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), (bytes, at) => {
        const address = getAddress('0x' + Buffer.from(bytes).toString('hex'));
        const letters = [...address.slice(2)]
          .map((c, i) => ({ c, i }))
          .filter(({ c }) => /[a-fA-F]/.test(c));
        // A mixed-case address needs at least two letters of different case to be "mixed".
        if (letters.length < 3 || BigInt(address) === 0n) return;
        const { i } = letters[at % letters.length]!;
        const chars = [...address.slice(2)];
        const c = chars[i]!;
        chars[i] = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
        const flipped = '0x' + chars.join('');
        const lower = flipped.slice(2).toLowerCase() === flipped.slice(2);
        const upper = flipped.slice(2).toUpperCase() === flipped.slice(2);
        if (lower || upper) expect(validateAddress(flipped)).toBe(address);
        else expect(errorOf(() => validateAddress(flipped)).key).toBe('wallet:address.badChecksum');
      }),
      { numRuns: 100 },
    );
  });

  it('tells malformed, bad checksum and the zero address apart', () => {
    expect(errorOf(() => validateAddress('0x1234')).key).toBe('wallet:address.malformed');
    expect(errorOf(() => validateAddress('hello')).key).toBe('wallet:address.malformed');
    expect(errorOf(() => validateAddress(checksummed.replace('F', 'f'))).key).toBe(
      'wallet:address.badChecksum',
    );
    expect(errorOf(() => validateAddress('0x' + '0'.repeat(40))).key).toBe('wallet:address.zero');
  });
});
