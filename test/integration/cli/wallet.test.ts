import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFresh, TOKENS, type ChainFixture } from '../../helpers/contracts.js';
import { cliEnv, ensureBuiltCli, runCli } from './run-cli.js';

let root: string;
let chain: ChainFixture;
const env = (dir: string) => cliEnv(dir, { LUMBUNG_TEST_SCRYPT_N: '1024' });

async function freshDir(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'pw'), 'correct horse battery\n');
  return dir;
}

beforeAll(async () => {
  ensureBuiltCli();
  root = await mkdtemp(join(tmpdir(), 'lumbung-cli-wallet-'));
  chain = await deployFresh();
}, 120_000);
afterAll(async () => {
  await chain?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('lumbung wallet', () => {
  it('creates a wallet from a password file, shows the address, and asks for the backup later', async () => {
    const dir = await freshDir('create');
    const created = await runCli(
      ['wallet', 'create', '--password-file', join(dir, 'pw')],
      env(dir),
    );
    expect(created.code).toBe(0);
    const words = [...created.stdout.matchAll(/^\s+\d+\. ([a-z]+)$/gm)].map((m) => m[1]);
    expect(words).toHaveLength(12);
    expect(created.stderr).toMatch(/confirm-backup|confirmLater/);

    const address = await runCli(['wallet', 'address', '--json'], env(dir));
    expect(address.code).toBe(0);
    const summary = JSON.parse(address.stdout) as { address: string; backedUp: boolean };
    expect(summary.address).toBe(Wallet.fromPhrase(words.join(' ')).address);
    expect(summary.backedUp).toBe(false);

    await writeFile(join(dir, 'words'), `${words.join(' ')}\n`);
    const confirmed = await runCli(
      [
        'wallet',
        'confirm-backup',
        '--json',
        '--password-file',
        join(dir, 'pw'),
        '--words-file',
        join(dir, 'words'),
      ],
      env(dir),
    );
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ backedUp: true });

    const again = await runCli(['wallet', 'create', '--password-file', join(dir, 'pw')], env(dir));
    expect(again.code).toBe(1);
  });

  it('refuses a password given on the command line, whatever the command', async () => {
    const dir = await freshDir('flag');
    for (const args of [
      ['wallet', 'create', '--password', 'hunter22hunter'],
      ['wallet', 'unlock', '--password=hunter22hunter'],
    ]) {
      const r = await runCli(args, env(dir));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/passwordFlag|command line/);
    }
    const none = await runCli(['wallet', 'address', '--json'], env(dir));
    expect(none.code).toBe(1);
  });

  it('without a terminal and without --password-file, says how to give the password', async () => {
    const dir = await freshDir('notty');
    const r = await runCli(['wallet', 'create', '--json'], env(dir));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { key: 'cli:wallet.needTty' } });
  });

  it('import reports a wrong word count', async () => {
    const dir = await freshDir('import-bad');
    await writeFile(join(dir, 'phrase'), 'abandon abandon abandon\n');
    const r = await runCli(
      [
        'wallet',
        'import',
        '--json',
        '--phrase-file',
        join(dir, 'phrase'),
        '--password-file',
        join(dir, 'pw'),
      ],
      env(dir),
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: { key: 'wallet:mnemonic.wordCount', values: { count: 3 } },
    });
  });

  it('shows exact balances and withdraws tokens on a real chain', async () => {
    const dir = await freshDir('chain');
    const owner = Wallet.createRandom();
    await writeFile(join(dir, 'key'), `${owner.privateKey}\n`);
    const imported = await runCli(
      ['wallet', 'import', '--key-file', join(dir, 'key'), '--password-file', join(dir, 'pw')],
      env(dir),
    );
    expect(imported.code).toBe(0);
    // An exact, odd amount: 12.000000000000000001 tokens, and 1 ETH for gas.
    await (
      await chain.as(chain.payer).token.getFunction('transfer')(owner.address, TOKENS(12) + 1n)
    ).wait();
    await (await chain.deployer.sendTransaction({ to: owner.address, value: 10n ** 18n })).wait();
    const chainArgs = ['--rpc', chain.anvil.rpcUrl, '--token', chain.addresses.token];

    const balance = await runCli(['wallet', 'balance', '--json', ...chainArgs], env(dir));
    expect(balance.code).toBe(0);
    expect(JSON.parse(balance.stdout)).toMatchObject({
      native: (10n ** 18n).toString(),
      token: (TOKENS(12) + 1n).toString(),
      tokenFormatted: '12.000000000000000001',
      nativeFormatted: '1',
      chainId: chain.anvil.chainId,
    });

    const to = Wallet.createRandom().address;
    const noYes = await runCli(
      [
        'wallet',
        'withdraw',
        '--to',
        to,
        '--amount',
        '2.5',
        '--password-file',
        join(dir, 'pw'),
        ...chainArgs,
      ],
      env(dir),
    );
    expect(noYes.code).toBe(2);
    const badAmount = await runCli(
      ['wallet', 'withdraw', '--to', to, '--amount', '-1', '--yes', ...chainArgs],
      env(dir),
    );
    expect(badAmount.code).toBe(2);

    const sent = await runCli(
      [
        'wallet',
        'withdraw',
        '--json',
        '--yes',
        '--to',
        to,
        '--amount',
        '2.5',
        '--password-file',
        join(dir, 'pw'),
        ...chainArgs,
      ],
      env(dir),
    );
    expect(sent.code).toBe(0);
    const { txHash } = JSON.parse(sent.stdout) as { txHash: string };
    await chain.provider.waitForTransaction(txHash);
    const got = (await chain.token.getFunction('balanceOf')(to)) as bigint;
    expect(got).toBe(TOKENS(5) / 2n);

    const lock = await runCli(['wallet', 'lock', '--json'], env(dir));
    expect(JSON.parse(lock.stdout)).toMatchObject({ ok: true, running: false });
    const unlock = await runCli(
      ['wallet', 'unlock', '--json', '--password-file', join(dir, 'pw')],
      env(dir),
    );
    expect(JSON.parse(unlock.stdout)).toMatchObject({ ok: true, running: false });
    await writeFile(join(dir, 'wrong'), 'not the password\n');
    const wrong = await runCli(
      ['wallet', 'unlock', '--password-file', join(dir, 'wrong')],
      env(dir),
    );
    expect(wrong.code).toBe(1);
  });
});
