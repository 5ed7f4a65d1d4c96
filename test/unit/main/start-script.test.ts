import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'start.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-start-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Runs node with ELECTRON_OVERRIDE_DIST_PATH (honoured by the electron package) set to `dir`. */
function run(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    onStdout?.(out, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise<{ out: string; code: number | null; signal: NodeJS.Signals | null }>(
    // 'close', not 'exit': the output pipes may still hold data when the process exits.
    (resolve) => child.on('close', (code, signal) => resolve({ out, code, signal })),
  );
}

const probe = `import(${JSON.stringify(script)}).then((m) => console.log(JSON.stringify(m.electronBinary())))`;

describe('scripts/start.js', () => {
  it('sees no Electron when the binary file is missing', async () => {
    const { out } = await run(['-e', probe]);
    expect(JSON.parse(out.trim())).toBeNull();
  });

  it('finds the binary once it exists', async () => {
    await writeFile(join(dir, 'electron'), '');
    const { out } = await run(['-e', probe]);
    expect(JSON.parse(out.trim())).toBe(join(dir, 'electron'));
  });

  it.skipIf(process.platform === 'win32')(
    'starts Electron on the app and forwards SIGTERM to it',
    async () => {
      // A stand-in Electron: prints its arguments, exits 0 on SIGTERM, and gives up on
      // its own after ~10 s so a failed run leaves nothing behind.
      await writeFile(
        join(dir, 'electron'),
        [
          '#!/bin/sh',
          'trap \'echo "got TERM"; exit 0\' TERM',
          'echo "args: $*"',
          'i=0',
          'while [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done',
          'exit 3',
          '',
        ].join('\n'),
      );
      await chmod(join(dir, 'electron'), 0o755);
      let sent = false;
      const result = await run([script, '--hidden'], (out, child) => {
        if (!sent && out.includes('args:')) {
          sent = true;
          child.kill('SIGTERM');
        }
      });
      expect(result.out).toContain(`args: ${root.replace(/\/$/, '')} --hidden`);
      expect(result.out).toContain('got TERM');
      expect(result.code).toBe(0);
    },
  );
});
