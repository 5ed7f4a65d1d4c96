import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { HDNodeWallet, Mnemonic } from 'ethers';
import { msg } from '../../api/message.js';
import { ChainError } from './chain-error.js';
import { fetchChainId } from './provider.js';

/** anvil's well-known development mnemonic: its accounts are funded with 10 000 ETH each. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const ANVIL_CHAIN_ID = 31337;

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function npmPackageName(): string | null {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform as string];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  return os === undefined || arch === undefined ? null : `@foundry-rs/anvil-${os}-${arch}`;
}

/**
 * Where the anvil binary is: $LUMBUNG_ANVIL_BIN, then the npm package for this platform,
 * then PATH. Null when none is found.
 */
export function findAnvilBinary(): string | null {
  const fromEnv = process.env['LUMBUNG_ANVIL_BIN'];
  if (fromEnv !== undefined && fromEnv !== '' && isExecutable(fromEnv)) return fromEnv;

  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const pkg = npmPackageName();
  if (pkg !== null) {
    try {
      const pkgJson = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
      const candidate = join(dirname(pkgJson), 'bin', exe);
      if (isExecutable(candidate)) return candidate;
    } catch {
      // not installed for this platform; try PATH
    }
  }
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, exe))) return join(dir, exe);
  }
  return null;
}

/** Private keys of the first `count` accounts anvil funds for `mnemonic`. */
export function anvilPrivateKeys(count = 10, mnemonic = ANVIL_MNEMONIC): string[] {
  const m = Mnemonic.fromPhrase(mnemonic);
  return Array.from(
    { length: count },
    (_, i) => HDNodeWallet.fromMnemonic(m, `m/44'/60'/0'/0/${i}`).privateKey,
  );
}

export interface SpawnAnvilOptions {
  binary?: string;
  host?: string;
  /** 0 (default) lets anvil pick a free port, which it then reports. */
  port?: number;
  chainId?: number;
  /** Seconds between blocks; omitted means a block per transaction. */
  blockTime?: number;
  accounts?: number;
  mnemonic?: string;
  /** Persist chain state across restarts (anvil --state). */
  stateFile?: string;
  startTimeoutMs?: number;
}

export interface AnvilInstance {
  rpcUrl: string;
  chainId: number;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const LISTENING_RE = /Listening on ([^\s]+):(\d+)/;

/**
 * Starts anvil on loopback and resolves once its RPC answers. Its output is drained
 * for its whole life: anvil logs every request, and a full pipe would freeze it.
 */
export async function spawnAnvil(opts: SpawnAnvilOptions = {}): Promise<AnvilInstance> {
  const binary = opts.binary ?? findAnvilBinary();
  if (binary === null) throw new ChainError('anvilMissing', msg('chain:anvil.missing'));
  const host = opts.host ?? '127.0.0.1';
  const chainId = opts.chainId ?? ANVIL_CHAIN_ID;
  const args = [
    '--host',
    host,
    '--port',
    String(opts.port ?? 0),
    '--chain-id',
    String(chainId),
    '--accounts',
    String(opts.accounts ?? 10),
    '--mnemonic',
    opts.mnemonic ?? ANVIL_MNEMONIC,
  ];
  if (opts.blockTime !== undefined) args.push('--block-time', String(opts.blockTime));
  if (opts.stateFile !== undefined) args.push('--state', opts.stateFile);

  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => (exited = true));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exitPromise;
    clearTimeout(timer);
  };
  const failed = async (detail: string, cause?: unknown): Promise<never> => {
    await stop();
    throw new ChainError(
      'anvilStartFailed',
      msg('chain:anvil.startFailed', { detail: detail.slice(0, 300) }),
      {
        cause,
      },
    );
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('timed out waiting for anvil to listen')),
      opts.startTimeoutMs ?? 20_000,
    );
    const onData = (chunk: Buffer): void => {
      tail = (tail + chunk.toString('utf8')).slice(-4_000);
      const m = LISTENING_RE.exec(tail);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[2]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (tail = (tail + c.toString('utf8')).slice(-4_000)));
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`anvil exited with code ${String(code)}: ${tail.trim()}`));
    });
  }).catch((err: unknown) => failed(err instanceof Error ? err.message : String(err), err));

  const rpcUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 20_000);
  for (;;) {
    try {
      const id = await fetchChainId(rpcUrl, 1_000);
      if (id !== BigInt(chainId)) await failed(`unexpected chain id ${id}`);
      break;
    } catch (err) {
      if (err instanceof ChainError && err.code === 'anvilStartFailed') throw err;
      if (exited || Date.now() > deadline) await failed(tail.trim() || 'RPC did not answer', err);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { rpcUrl, chainId, port, pid: child.pid ?? -1, stop };
}
