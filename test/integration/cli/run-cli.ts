import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BUILT_CLI = join(ROOT, 'dist', 'src', 'headless', 'cli.js');
const CLI_SOURCES = [
  'cli.ts',
  'job-cli.ts',
  'policy-cli.ts',
  'wallet-cli.ts',
  'password-prompt.ts',
];

/**
 * The CLI runs from the built dist (as `bin/lumbung.js` does). CI builds before vitest;
 * here a stale or missing build of the CLI files is rebuilt once, and a build that still
 * lacks the CLI fails loudly rather than testing old code.
 */
export function ensureBuiltCli(): void {
  const builtAt = existsSync(BUILT_CLI) ? statSync(BUILT_CLI).mtimeMs : 0;
  const newest = Math.max(
    ...CLI_SOURCES.map((f) => statSync(join(ROOT, 'src', 'headless', f)).mtimeMs),
  );
  if (builtAt >= newest) return;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree still emit; what matters is that the CLI exists.
  }
  if (!existsSync(BUILT_CLI))
    throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before these tests`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, LUMBUNG_HOME: dataDir, NO_COLOR: '1', ...extra };
}

/** Runs `node bin/lumbung.js …` to the end; stdin is empty and not a terminal. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'bin', 'lumbung.js'), ...args],
      { cwd: ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code =
          error === null
            ? 0
            : typeof error.code === 'number'
              ? error.code
              : (child.exitCode ?? null);
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** Starts the CLI and leaves it running (for Ctrl+C tests). */
export function startCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'lumbung.js'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.resume();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}
