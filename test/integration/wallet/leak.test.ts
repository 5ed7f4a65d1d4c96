import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HDNodeWallet, JsonRpcProvider, Mnemonic, Network, Wallet, parseEther } from 'ethers';
import { startAnvil, type TestAnvil } from '../../helpers/anvil.js';
import { WalletService } from '../../../src/wallet/service.js';
import { FileSecretVault } from '../../../src/platform/secret-vault.js';
import { FAST_SCRYPT, PASSWORD, tempDir } from '../../unit/wallet/helpers.js';

/**
 * A whole owner session — create, back up, lock, unlock, bind, quote, withdraw,
 * plus the usual mistakes — with every returned value, every error and every line
 * of console output kept. Only create()'s one-time answer may contain the phrase;
 * nothing may contain the private key or the password.
 */

let anvil: TestAnvil;
let provider: JsonRpcProvider;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  anvil = await startAnvil({ accounts: 2 });
  const network = Network.from(anvil.chainId);
  provider = new JsonRpcProvider(anvil.rpcUrl, network, {
    staticNetwork: network,
    cacheTimeout: -1,
  });
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  provider?.destroy();
  await anvil?.stop();
  await cleanup?.();
});

const text = (value: unknown): string =>
  [
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    String(value),
    inspect(value, { depth: 8, showHidden: true, getters: true }),
    value instanceof Error ? (value.stack ?? '') : '',
  ].join('\n');

describe('no secret leaves the wallet', () => {
  it('a full session shows the phrase only in create() and never the key or password', async () => {
    const outputs: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void outputs.push(args.map(text).join(' '))),
    );
    const writes = ([process.stdout, process.stderr] as const).map((stream) => {
      const original = stream.write.bind(stream);
      return vi.spyOn(stream, 'write').mockImplementation(((
        chunk: string | Uint8Array,
        ...rest: never[]
      ) => {
        outputs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return original(chunk, ...rest);
      }) as typeof stream.write);
    });

    const returned: unknown[] = [];
    const keep = async <T>(p: Promise<T>): Promise<T | undefined> => {
      try {
        const value = await p;
        returned.push(value);
        return value;
      } catch (err) {
        returned.push(err);
        return undefined;
      }
    };

    const s = new WalletService({
      dir,
      scrypt: FAST_SCRYPT,
      provider: () => provider,
      chainId: anvil.chainId,
      deviceVault: new FileSecretVault(join(dir, 'device.key')),
      rememberVault: new FileSecretVault(join(dir, 'os-store.key')),
    });
    let phrase = '';
    let oneTime = '';
    try {
      const created = await s.create({ password: PASSWORD });
      phrase = created.phrase;
      oneTime = text(created).toLowerCase();
      const words = phrase.split(' ');

      await keep(s.summary());
      const challenge = (await keep(s.backupChallenge()))!;
      await keep(
        s.confirmBackup({ words: challenge.positions.map((p) => ({ position: p, word: 'zoo' })) }),
      );
      await keep(
        s.confirmBackup({
          words: challenge.positions.map((p) => ({ position: p, word: words[p - 1]! })),
        }),
      );
      await keep(s.lock());
      await keep(s.unlock({ password: 'wrong password!' }));
      await keep(s.unlock({ password: PASSWORD, remember: true }));
      await keep(s.bindDevice());
      await keep(s.signMessage('Lumbung register challenge 42'));

      const funder = new Wallet(anvil.accounts[0]!, provider);
      await (await funder.sendTransaction({ to: created.address, value: parseEther('1') })).wait();
      const to = new Wallet(anvil.accounts[1]!).address;
      await keep(s.balances());
      await keep(s.quoteWithdraw({ to, amount: parseEther('0.1').toString(), asset: 'native' }));
      await keep(
        s.withdraw({
          to,
          amount: parseEther('0.1').toString(),
          asset: 'native',
          password: 'wrong password!',
        }),
      );
      await keep(
        s.withdraw({
          to,
          amount: parseEther('50').toString(),
          asset: 'native',
          password: PASSWORD,
        }),
      );
      const sent = await keep(
        s.withdraw({
          to,
          amount: parseEther('0.1').toString(),
          asset: 'native',
          password: PASSWORD,
        }),
      );
      expect(sent?.txHash).toMatch(/^0x/);
      await provider.waitForTransaction(sent!.txHash);
      await keep(s.txStatus({ txHash: sent!.txHash }));
      await keep(s.create({ password: PASSWORD }));
      await keep(s.summary());

      // The owner pastes the phrase back with a typo, and a key that is one digit short.
      const other = new WalletService({ dir: join(dir, 'other'), scrypt: FAST_SCRYPT });
      const typo = [...words.slice(0, 11), 'zzzz'].join(' ');
      await keep(other.importMnemonic({ phrase: typo, password: PASSWORD }));
      const key = HDNodeWallet.fromPhrase(phrase).privateKey;
      await keep(other.importPrivateKey({ key: key.slice(0, -1), password: PASSWORD }));
      await keep(other.importMnemonic({ phrase, password: 'short' }));
      returned.push(s, other); // printing the service objects themselves
      other.close();
    } finally {
      s.close();
      for (const spy of [...spies, ...writes]) spy.mockRestore();
    }

    const privateKey = HDNodeWallet.fromPhrase(phrase).privateKey.slice(2).toLowerCase();
    const entropy = Mnemonic.fromPhrase(phrase).entropy.slice(2).toLowerCase();
    const words = phrase.split(' ');
    const triples = words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(' '));
    const haystack = [...returned.map(text), ...outputs].join('\n').toLowerCase();

    expect(returned.length).toBeGreaterThan(15);
    // The detector itself works: create()'s answer is the one place the phrase shows.
    expect(oneTime).toContain(triples[0]);
    expect(haystack).not.toContain(privateKey);
    expect(haystack).not.toContain(entropy);
    expect(haystack).not.toContain(PASSWORD.toLowerCase());
    for (const t of triples) expect(haystack, `phrase words "${t}"`).not.toContain(t);

    // On disk: nothing in the clear either (the keystore and sealed files are encrypted).
    for (const name of await readdir(dir, { recursive: true })) {
      const content = await readFile(join(dir, name)).catch(() => null);
      if (content === null) continue;
      const onDisk = content.toString('latin1').toLowerCase();
      expect(onDisk, name).not.toContain(privateKey);
      expect(onDisk, name).not.toContain(PASSWORD.toLowerCase());
      for (const t of triples) expect(onDisk, name).not.toContain(t);
    }
  });
});
