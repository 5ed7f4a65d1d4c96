import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HeadlessServer {
  /** The page without the login token: http://127.0.0.1:<port>/ */
  url: string;
  /** The link the CLI prints; opening it sets the session cookie and redirects to `url`. */
  loginUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const CLI = resolve('dist/src/headless/cli.js');
const READY = /Lumbung is running at (http:\/\/\S+)/;

/**
 * Starts the real headless server (`lumbung serve`) on a free port with a fresh data
 * folder, and waits for the line that carries its login link.
 */
export interface ServerOptions {
  timeoutMs?: number;
  /**
   * Start the embedded local network too (anvil, a local coordinator, sample jobs in real
   * containers), for tests of the whole share → earn → claim loop. Off by default: it
   * takes seconds to start and needs dockerd.
   */
  network?: boolean;
}

export async function startServer(options: ServerOptions = {}): Promise<HeadlessServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-e2e-'));
  const args = [CLI, 'serve', '--port', '0', '--data-dir', dataDir];
  if (!options.network) args.push('--no-network');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  // LUMBUNG_E2E_LOG=<file> keeps the server's own output, for when a loop test goes wrong.
  const logFile = process.env.LUMBUNG_E2E_LOG;
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }

  const loginUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => {
        reject(new Error(`server did not start in time:\n${stderr.join('')}`));
      },
      options.timeoutMs ?? (options.network ? 90_000 : 30_000),
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr.join('')}`));
    });
  });
  const url = new URL(loginUrl);
  url.search = '';

  return {
    url: url.toString(),
    loginUrl,
    dataDir,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
