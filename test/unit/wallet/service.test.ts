import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HDNodeWallet, Wallet, verifyMessage } from 'ethers';
import { WalletService, type WalletServiceOptions } from '../../../src/wallet/service.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { verifyBinding } from '../../../src/wallet/device-key.js';
import { FileSecretVault } from '../../../src/platform/secret-vault.js';
import { WalletSummarySchema } from '../../../src/api/wallet-schemas.js';
import {
  FAST_SCRYPT,
  ManualClock,
  PASSWORD,
  TEST_PHRASE,
  TEST_PHRASE_ADDRESS,
  tempDir,
} from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let clock: ManualClock;
let services: WalletService[];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = new ManualClock();
  services = [];
});
afterEach(async () => {
  for (const s of services) s.close();
  await cleanup();
});

function service(extra: Partial<WalletServiceOptions> = {}): WalletService {
  const s = new WalletService({ dir, scrypt: FAST_SCRYPT, clock, ...extra });
  services.push(s);
  return s;
}

async function keyOf<T>(p: Promise<T>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isWalletError(err)) throw new Error(`expected a WalletError, got ${String(err)}`);
  return err.key;
}

/** Answers the backup check from the phrase, optionally getting one word wrong. */
async function passBackup(s: WalletService, phrase: string) {
  const words = phrase.split(' ');
  const { positions } = await s.backupChallenge();
  return s.confirmBackup({ words: positions.map((p) => ({ position: p, word: words[p - 1]! })) });
}

describe('WalletService', () => {
  it('starts with no wallet', async () => {
    const summary = await service().summary();
    expect(WalletSummarySchema.parse(summary)).toEqual({
      state: 'none',
      address: null,
      backedUp: false,
      canWithdraw: false,
      autoLockMinutes: 15,
      deviceAddress: null,
      remembered: false,
    });
  });

  it('create: returns a 12-word phrase once, unlocked, not yet backed up, cannot withdraw', async () => {
    const s = service();
    const created = await s.create({ password: PASSWORD });
    expect(created.phrase.split(' ')).toHaveLength(12);
    expect(HDNodeWallet.fromPhrase(created.phrase).address).toBe(created.address);
    const summary = await s.summary();
    expect(summary).toMatchObject({
      state: 'unlocked',
      address: created.address,
      backedUp: false,
      canWithdraw: false,
    });
    expect(JSON.stringify(summary)).not.toContain(created.phrase.split(' ')[0]! + ' ');
    expect(
      await keyOf(
        s.withdraw({ to: TEST_PHRASE_ADDRESS, amount: '1', asset: 'native', password: PASSWORD }),
      ),
    ).toBe('wallet:withdraw.notBackedUp');
    if (process.platform !== 'win32')
      expect((await stat(join(dir, 'keystore.json'))).mode & 0o777).toBe(0o600);
  });

  it('backup check: three distinct positions; wrong words name the position; right words enable withdrawing', async () => {
    const s = service();
    const { phrase } = await s.create({ password: PASSWORD });
    const words = phrase.split(' ');
    const { positions } = await s.backupChallenge();
    expect(new Set(positions).size).toBe(3);
    for (const p of positions) expect(p >= 1 && p <= 12).toBe(true);

    const [a, b, c] = positions as [number, number, number];
    const wrongWord = words[a - 1] === 'zoo' ? 'abandon' : 'zoo';
    const wrong = await s
      .confirmBackup({
        words: [
          { position: a, word: wrongWord },
          { position: b, word: words[b - 1]! },
          { position: c, word: words[c - 1]! },
        ],
      })
      .catch((e: unknown) => e);
    expect(isWalletError(wrong) && wrong.info).toEqual({
      key: 'wallet:backup.wrongWords',
      values: { positions: `${a}` },
    });
    expect(await keyOf(s.confirmBackup({ words: [{ position: a, word: words[a - 1]! }] }))).toBe(
      'wallet:backup.wrongPositions',
    );
    expect((await s.summary()).backedUp).toBe(false);

    const done = await s.confirmBackup({
      words: positions.map((p) => ({ position: p, word: ` ${words[p - 1]!.toUpperCase()} ` })),
    });
    expect(done).toMatchObject({ backedUp: true, canWithdraw: true });
    // The flag survives a restart.
    expect(await service().summary()).toMatchObject({
      state: 'locked',
      backedUp: true,
      canWithdraw: true,
    });
  });

  it('the backup check needs the wallet unlocked (the phrase is not kept on disk in the clear)', async () => {
    const s = service();
    await s.create({ password: PASSWORD });
    await s.lock();
    expect(await keyOf(s.backupChallenge())).toBe('wallet:errors.locked');
    await s.unlock({ password: PASSWORD });
    const { phrase } = await s.revealPhrase({ password: PASSWORD });
    expect((await passBackup(s, phrase)).backedUp).toBe(true);
  });

  it('never replaces an existing wallet by accident', async () => {
    const s = service();
    await s.create({ password: PASSWORD });
    const before = await readFile(join(dir, 'keystore.json'), 'utf8');
    expect(await keyOf(s.create({ password: PASSWORD }))).toBe('wallet:errors.walletExists');
    expect(await keyOf(s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD }))).toBe(
      'wallet:errors.walletExists',
    );
    expect(await keyOf(s.watchOnly({ address: TEST_PHRASE_ADDRESS }))).toBe(
      'wallet:errors.walletExists',
    );
    expect(await readFile(join(dir, 'keystore.json'), 'utf8')).toBe(before);
  });

  it('two create() calls at once make one wallet', async () => {
    const s = service();
    const results = await Promise.allSettled([
      s.create({ password: PASSWORD }),
      s.create({ password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('remove() needs the password and retires the keystore instead of deleting it', async () => {
    const s = service();
    const { address } = await s.create({ password: PASSWORD });
    expect(await keyOf(s.remove({ password: 'wrong password' }))).toBe(
      'wallet:errors.wrongPassword',
    );
    expect((await s.summary()).address).toBe(address);
    expect((await s.remove({ password: PASSWORD })).state).toBe('none');
    const retired = await readdir(join(dir, 'retired'));
    expect(retired).toHaveLength(1);
    expect(retired[0]).toContain(address);
  });

  it('imports a phrase (backed up by definition), with an optional path', async () => {
    const s = service();
    const summary = await s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    expect(summary).toMatchObject({
      state: 'unlocked',
      address: TEST_PHRASE_ADDRESS,
      backedUp: true,
      canWithdraw: true,
    });
    expect((await s.revealPhrase({ password: PASSWORD })).phrase).toBe(TEST_PHRASE);

    const other = new WalletService({ dir: join(dir, 'second'), scrypt: FAST_SCRYPT, clock });
    services.push(other);
    const second = await other.importMnemonic({
      phrase: TEST_PHRASE,
      path: "m/44'/60'/0'/0/1",
      password: PASSWORD,
    });
    expect(second.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });

  it('import errors are distinct, change nothing, and never quote the input', async () => {
    const s = service();
    const typo = TEST_PHRASE.replace('junk', 'junq');
    const err = await s
      .importMnemonic({ phrase: typo, password: PASSWORD })
      .catch((e: unknown) => e);
    expect(isWalletError(err) && err.info).toEqual({
      key: 'wallet:mnemonic.unknownWord',
      values: { position: 12 },
    });
    expect(await keyOf(s.importMnemonic({ phrase: 'test test', password: PASSWORD }))).toBe(
      'wallet:mnemonic.wordCount',
    );
    expect(await keyOf(s.importPrivateKey({ key: '0x1234', password: PASSWORD }))).toBe(
      'wallet:key.wrongLength',
    );
    expect(await keyOf(s.importMnemonic({ phrase: TEST_PHRASE, password: 'short' }))).toBe(
      'wallet:errors.badInput',
    );
    expect((await s.summary()).state).toBe('none');
    expect(await readdir(dir).catch(() => [])).not.toContain('keystore.json');
  });

  it('imports a private key: backed up, no phrase to reveal', async () => {
    const s = service();
    const w = Wallet.createRandom();
    const summary = await s.importPrivateKey({ key: w.privateKey.slice(2), password: PASSWORD });
    expect(summary).toMatchObject({ address: w.address, backedUp: true });
    expect(await keyOf(s.revealPhrase({ password: PASSWORD }))).toBe('wallet:backup.noPhrase');
  });

  it('lock/unlock: wrong password changes nothing; signing needs the wallet unlocked', async () => {
    const s = service();
    const { address } = await s.create({ password: PASSWORD });
    expect((await s.lock()).state).toBe('locked');
    expect(await keyOf(s.signMessage('hello'))).toBe('wallet:errors.locked');
    expect(await keyOf(s.unlock({ password: 'not it at all' }))).toBe(
      'wallet:errors.wrongPassword',
    );
    expect((await s.summary()).state).toBe('locked');
    expect((await s.unlock({ password: PASSWORD })).state).toBe('unlocked');
    expect(verifyMessage('hello', await s.signMessage('hello'))).toBe(address);
    // A fresh process starts locked.
    expect((await service().summary()).state).toBe('locked');
  });

  it('locks itself after the quiet time; use restarts the countdown; 0 means never', async () => {
    const s = service();
    await s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    await s.setAutoLock({ minutes: 5 });
    clock.advance(4 * 60_000);
    await s.signMessage('activity');
    clock.advance(4 * 60_000);
    expect((await s.summary()).state).toBe('unlocked');
    clock.advance(60_000);
    expect((await s.summary()).state).toBe('locked');

    await s.setAutoLock({ minutes: 0 });
    await s.unlock({ password: PASSWORD });
    clock.advance(24 * 60 * 60_000);
    expect(await s.summary()).toMatchObject({ state: 'unlocked', autoLockMinutes: 0 });
    expect(await keyOf(s.setAutoLock({ minutes: -1 }))).toBe('wallet:errors.badInput');
  });

  it('raises the scrypt cost of an old keystore at the next unlock', async () => {
    await service().importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    const stronger = service({ scrypt: { N: 1 << 12 } });
    await stronger.unlock({ password: PASSWORD });
    const json = JSON.parse(await readFile(join(dir, 'keystore.json'), 'utf8')) as {
      Crypto: { kdfparams: { n: number } };
    };
    expect(json.Crypto.kdfparams.n).toBe(1 << 12);
    expect((await service().unlock({ password: PASSWORD })).address).toBe(TEST_PHRASE_ADDRESS);
  });

  it('remembers the password only with a secret store, and forgets on request', async () => {
    const plain = service();
    await plain.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    expect(await keyOf(plain.unlock({ password: PASSWORD, remember: true }))).toBe(
      'wallet:errors.rememberUnavailable',
    );

    const vault = new FileSecretVault(join(dir, 'os-store.key'));
    const s = service({ rememberVault: vault });
    expect((await s.unlock({ password: PASSWORD, remember: true })).remembered).toBe(true);
    const sealed = await readFile(join(dir, 'remembered-password.bin'));
    expect(sealed.includes(Buffer.from(PASSWORD))).toBe(false);

    const restarted = service({ rememberVault: vault });
    expect(await restarted.unlockRemembered()).toBe(true);
    expect((await restarted.summary()).state).toBe('unlocked');
    expect((await restarted.unlock({ password: PASSWORD, remember: false })).remembered).toBe(
      false,
    );
    expect(await service({ rememberVault: vault }).unlockRemembered()).toBe(false);
  });

  it('watch-only: payouts to an outside address, bound to the device key by a signature made elsewhere', async () => {
    const s = service({ deviceVault: new FileSecretVault(join(dir, 'device.key')) });
    const owner = Wallet.createRandom();
    const summary = await s.watchOnly({ address: owner.address.toLowerCase() });
    expect(summary).toMatchObject({
      state: 'watchOnly',
      address: owner.address,
      canWithdraw: false,
    });
    expect(summary.deviceAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await s.payoutAddress()).toBe(owner.address);
    expect(await keyOf(s.signMessage('x'))).toBe('wallet:errors.watchOnly');

    const request = await s.bindingRequest();
    expect(request.message).toContain(`pays to ${owner.address}`);
    const signature = await owner.signMessage(request.message);
    const binding = {
      deviceAddress: summary.deviceAddress!,
      payout: owner.address,
      timestamp: request.timestamp,
      signature,
    };
    expect(await keyOf(s.submitBinding({ ...binding, timestamp: request.timestamp + 1 }))).toBe(
      'wallet:device.badBinding',
    );
    await s.submitBinding(binding);
    expect(await s.deviceBinding()).toEqual(binding);
    expect(await keyOf(s.watchOnly({ address: '0x1234' }))).toBe('wallet:address.malformed');
  });

  it('bindDevice: the unlocked wallet vouches for the device key', async () => {
    const s = service({ deviceVault: new FileSecretVault(join(dir, 'device.key')) });
    await s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    const binding = await s.bindDevice();
    expect(binding.payout).toBe(TEST_PHRASE_ADDRESS);
    expect(binding.deviceAddress).toBe((await s.summary()).deviceAddress);
    expect(verifyBinding(binding)).toBe(true);
    expect(await s.deviceBinding()).toEqual(binding);
    await s.lock();
    expect(await keyOf(s.bindDevice())).toBe('wallet:errors.locked');
  });

  it('chain calls without a network say so plainly', async () => {
    const s = service();
    await s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    expect(await keyOf(s.balances())).toBe('wallet:chain.notConfigured');
    expect(
      await keyOf(s.quoteWithdraw({ to: TEST_PHRASE_ADDRESS, amount: '1', asset: 'native' })),
    ).toBe('wallet:chain.notConfigured');
  });

  it('refuses a mistyped destination before touching the chain', async () => {
    const s = service();
    await s.importMnemonic({ phrase: TEST_PHRASE, password: PASSWORD });
    const typo = TEST_PHRASE_ADDRESS.replace('F', 'f');
    expect(
      await keyOf(s.withdraw({ to: typo, amount: '1', asset: 'native', password: PASSWORD })),
    ).toBe('wallet:address.badChecksum');
    expect(
      await keyOf(
        s.withdraw({ to: TEST_PHRASE_ADDRESS, amount: '0', asset: 'native', password: PASSWORD }),
      ),
    ).toBe('wallet:withdraw.zeroAmount');
    expect(
      await keyOf(
        s.withdraw({ to: TEST_PHRASE_ADDRESS, amount: '1.5', asset: 'native', password: PASSWORD }),
      ),
    ).toBe('wallet:errors.badInput');
  });
});
