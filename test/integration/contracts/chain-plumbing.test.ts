import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/chain.js';
import idLocale from '../../../src/api/locales/id/chain.js';
import { spawnAnvil } from '../../../src/network/chain/anvil.js';
import { CONTRACT_NAMES, loadArtifact } from '../../../src/network/chain/artifacts.js';
import { CONTRACT_ERRORS, ChainError, chainCall } from '../../../src/network/chain/chain-error.js';
import {
  assertChainId,
  connectProvider,
  fetchChainId,
} from '../../../src/network/chain/provider.js';
import { findAnvilBinary } from '../../helpers/anvil.js';
import { deployFresh, ensureContractsBuilt } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh();
});
afterAll(async () => {
  await f?.stop();
});

async function codeOf(p: Promise<unknown>): Promise<ChainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChainError);
  return err as ChainError;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return `http://127.0.0.1:${addr.port}`;
}

describe('chain errors become plain messages', () => {
  it('insufficient funds for gas', async () => {
    const poor = Wallet.createRandom().connect(f.provider);
    const err = await codeOf(
      chainCall(() => poor.sendTransaction({ to: f.payer.address, value: 1n })),
    );
    expect(err.code).toBe('insufficientFunds');
    expect(err.userMessage.key).toBe('chain:errors.insufficientFunds');
  });

  it('nonce too low', async () => {
    const w = f.others[0]!;
    await (await w.sendTransaction({ to: f.payer.address, value: 1n })).wait();
    const err = await codeOf(
      chainCall(() => w.sendTransaction({ to: f.payer.address, value: 1n, nonce: 0 })),
    );
    expect(err.userMessage.key).toBe('chain:errors.nonceTooLow');
  });

  it('a transaction signed for another chain', async () => {
    const w = f.others[1]!;
    const raw = await w.signTransaction({
      to: f.payer.address,
      value: 1n,
      nonce: 0,
      chainId: 1n,
      gasLimit: 21_000n,
      maxFeePerGas: 10n ** 10n,
      maxPriorityFeePerGas: 1n,
      type: 2,
    });
    const err = await codeOf(chainCall(() => f.provider.broadcastTransaction(raw)));
    expect(err.userMessage.key).toBe('chain:errors.chainMismatch');
  });

  it('connected to the wrong chain', async () => {
    await assertChainId(f.provider, f.anvil.chainId);
    const err = await codeOf(assertChainId(f.provider, 1));
    expect(err.userMessage).toEqual({
      key: 'chain:errors.wrongChain',
      values: { expected: '1', actual: String(f.anvil.chainId) },
    });
  });

  it('RPC unreachable', async () => {
    const url = await closedPortUrl();
    const provider = connectProvider(url, 31337);
    try {
      const err = await codeOf(chainCall(() => provider.getBlockNumber()));
      expect(err.userMessage.key).toBe('chain:errors.rpcUnreachable');
    } finally {
      provider.destroy();
    }
    expect((await codeOf(fetchChainId(url))).code).toBe('rpcUnreachable');
  });

  it('knows every custom error the compiled contracts can raise', () => {
    for (const name of CONTRACT_NAMES) {
      loadArtifact(name).iface.forEachError((e) => {
        expect(CONTRACT_ERRORS.getError(e.format('sighash'))?.selector, `${name}.${e.name}`).toBe(
          e.selector,
        );
      });
    }
  });
});

describe('locale strings', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it('English and Indonesian have the same keys with the same placeholders', () => {
    expect(keys(idLocale).sort()).toEqual(keys(en).sort());
    const lookup = (o: object, path: string): string =>
      path.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string;
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of keys(en)) expect(holes(lookup(idLocale, k)), k).toEqual(holes(lookup(en, k)));
  });

  it('every chain: key used in src/network/chain exists', () => {
    const dir = join(ROOT, 'src', 'network', 'chain');
    const used = readdirSync(dir)
      .filter((n) => n.endsWith('.ts'))
      .flatMap((n) =>
        [...readFileSync(join(dir, n), 'utf8').matchAll(/msg\(\s*'chain:([\w.]+)'/g)].map(
          (m) => m[1],
        ),
      );
    expect(used.length).toBeGreaterThan(10);
    const known = new Set(keys(en));
    for (const k of used) expect(known.has(k!), k).toBe(true);
  });
});

describe('build and artifacts', () => {
  it('a second compile is a no-op', () => {
    ensureContractsBuilt();
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'compile-contracts.js')], {
      encoding: 'utf8',
    });
    expect(out).toContain('up to date');
  });

  it('refuses a missing or damaged artifact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-art-'));
    try {
      expect(() => loadArtifact('Staking', dir)).toThrow(
        expect.objectContaining({ code: 'artifactMissing' }) as unknown as Error,
      );
      writeFileSync(join(dir, 'Staking.json'), '{ not json');
      expect(() => loadArtifact('Staking', dir)).toThrow(
        expect.objectContaining({ code: 'artifactInvalid' }) as unknown as Error,
      );
      writeFileSync(
        join(dir, 'RewardToken.json'),
        JSON.stringify({ contractName: 'RewardToken', abi: [], bytecode: 'zz' }),
      );
      expect(() => loadArtifact('RewardToken', dir)).toThrow(
        expect.objectContaining({ code: 'artifactInvalid' }) as unknown as Error,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('anvil', () => {
  it('finds the binary and reports a start failure plainly', async () => {
    expect(findAnvilBinary()).toMatch(/anvil$/);
    const err = await codeOf(spawnAnvil({ binary: '/bin/false', startTimeoutMs: 5_000 }));
    expect(err.code).toBe('anvilStartFailed');
    expect(err.userMessage.key).toBe('chain:anvil.startFailed');
  });

  it('stops cleanly and the RPC is gone afterwards', async () => {
    const a = await spawnAnvil({ chainId: 4242 });
    expect(await fetchChainId(a.rpcUrl)).toBe(4242n);
    await a.stop();
    expect((await codeOf(fetchChainId(a.rpcUrl))).code).toBe('rpcUnreachable');
  });
});
