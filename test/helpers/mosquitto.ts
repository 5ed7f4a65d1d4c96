import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';
const PASSWD_BIN = '/usr/bin/mosquitto_passwd';

export interface TestMosquitto {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const mosquittoAvailable = (): boolean => existsSync(MOSQUITTO_BIN);
export const mosquittoPasswdAvailable = (): boolean => existsSync(PASSWD_BIN);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A real mosquitto on a free loopback port with its own temp config. With `users`, anonymous
 * access is off and a password file (mosquitto_passwd) holds those accounts.
 */
export async function startMosquitto(
  opts: { users?: Record<string, string> } = {},
): Promise<TestMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-mosquitto-'));
  // mosquitto started as root drops to its own user; the config dir must stay readable.
  chmodSync(dir, 0o755);
  const lines = [
    'persistence false',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'user root',
  ];
  if (opts.users !== undefined) {
    const passwordFile = join(dir, 'passwd');
    writeFileSync(passwordFile, '', { mode: 0o600 });
    for (const [user, password] of Object.entries(opts.users)) {
      const r = spawnSync(PASSWD_BIN, ['-b', passwordFile, user, password], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mosquitto_passwd failed: ${r.stderr}`);
    }
    lines.push('allow_anonymous false', `password_file ${passwordFile}`);
  } else {
    lines.push('allow_anonymous true');
  }

  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const configFile = join(dir, 'mosquitto.conf');
    writeFileSync(configFile, [`listener ${port} 127.0.0.1`, ...lines, ''].join('\n'));
    const child: ChildProcess = spawn(MOSQUITTO_BIN, ['-c', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline) {
      if (await canConnect(port)) {
        return {
          url: `mqtt://127.0.0.1:${port}`,
          port,
          stop: () =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) {
                rmSync(dir, { recursive: true, force: true });
                resolve();
                return;
              }
              child.once('exit', () => {
                rmSync(dir, { recursive: true, force: true });
                resolve();
              });
              child.kill('SIGTERM');
            }),
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    if (attempt === 4) throw new Error(`mosquitto did not start: ${stderr}`);
  }
  throw new Error('mosquitto did not start');
}

/** Resolves once `check` returns a value other than undefined; polls, fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
