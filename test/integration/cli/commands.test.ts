import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, ensureBuiltCli, runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'lumbung-cli-misc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lumbung gpu, status and argument errors', () => {
  it('gpu --json prints a report (no GPU here is a normal answer)', async () => {
    const r = await runCli(['gpu', '--json'], cliEnv(dir));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { gpus: unknown[]; verdict: { canShare: boolean } };
    expect(Array.isArray(report.gpus)).toBe(true);
    expect(typeof report.verdict.canShare).toBe('boolean');
  });

  it('status --json without a running server exits 3 with a message', async () => {
    const r = await runCli(['status', '--json'], cliEnv(dir));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not running/);
  });

  it.each([
    [['no-such-command']],
    [['status', '--lang', 'fr']],
    [['job']],
    [['wallet', 'withdraw', '--amount', '1']],
    [['verify', '--month', '2026-13']],
  ])('%j exits non-zero with a message', async (args) => {
    const r = await runCli(args, cliEnv(dir));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  });
});
