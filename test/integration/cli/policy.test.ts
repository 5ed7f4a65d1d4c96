import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/settings/store.js';
import { cliEnv, ensureBuiltCli, runCli } from './run-cli.js';

let dir: string;

async function saveSchedule(spans: { day: number; start: string; end: string }[]): Promise<void> {
  const { store } = await SettingsStore.open(dir);
  store.update({ policy: { schedule: { preset: 'custom', spans } } });
}

async function explain(args: string[]) {
  const r = await runCli(['policy', 'explain', '--json', ...args], cliEnv(dir));
  return { ...r, json: r.code === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : null };
}

beforeAll(async () => {
  ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'lumbung-cli-policy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lumbung policy explain', () => {
  it('crosses the spring-forward night in Europe/Berlin with the saved overnight hours', async () => {
    // Saturday 28 March 2026 23:00 to Sunday 07:00; clocks jump 02:00 → 03:00 that night.
    await saveSchedule([{ day: 6, start: '23:00', end: '07:00' }]);
    const inside = await explain(['--tz', 'Europe/Berlin', '--at', '2026-03-29T01:30']);
    expect(inside.code).toBe(0);
    expect(inside.json).toMatchObject({
      run: true,
      atLocal: '2026-03-29T01:30',
      // 07:00 CEST is 05:00 UTC: the night is one hour shorter.
      nextChangeAt: '2026-03-29T05:00:00.000Z',
      nextChangeLocal: '2026-03-29T07:00',
    });
    const after = await explain(['--tz', 'Europe/Berlin', '--at', '2026-03-29T03:30:00+02:00']);
    expect(after.json).toMatchObject({ run: true, nextChangeLocal: '2026-03-29T07:00' });
    const before = await explain(['--tz', 'Europe/Berlin', '--at', '2026-03-28T22:00']);
    expect(before.json).toMatchObject({
      run: false,
      nextChangeAt: '2026-03-28T22:00:00.000Z',
      nextChangeLocal: '2026-03-28T23:00',
    });
  });

  it('treats a span across midnight as one stretch, and the owner at the keyboard as a pause', async () => {
    // Friday 22:00 → Saturday 02:00 in Jakarta (no DST).
    await saveSchedule([{ day: 5, start: '22:00', end: '02:00' }]);
    const zone = ['--tz', 'Asia/Jakarta'];
    const afterMidnight = await explain([...zone, '--at', '2026-06-06T01:00']);
    expect(afterMidnight.json).toMatchObject({ run: true, nextChangeLocal: '2026-06-06T02:00' });
    const beforeMidnight = await explain([...zone, '--at', '2026-06-05T23:59']);
    expect(beforeMidnight.json).toMatchObject({ run: true, nextChangeLocal: '2026-06-06T02:00' });
    const outside = await explain([...zone, '--at', '2026-06-06T02:00']);
    expect(outside.json).toMatchObject({ run: false, nextChangeLocal: '2026-06-12T22:00' });

    const busy = await explain([...zone, '--at', '2026-06-06T01:00', '--idle-seconds', '10']);
    expect(busy.json).toMatchObject({ run: false });
    const reasons = (busy.json?.reasons ?? []) as { key: string }[];
    expect(reasons[0]?.key).toBe('policy:reason.ownerActive');
    const foreign = await explain([
      ...zone,
      '--at',
      '2026-06-06T01:00',
      '--foreign-gpu-util',
      '50',
    ]);
    expect(foreign.json).toMatchObject({ run: false });
    const battery = await explain([...zone, '--at', '2026-06-06T01:00', '--on-battery']);
    expect((battery.json?.reasons as { key: string }[])[0]?.key).toBe('policy:reason.onBattery');
  });

  it('prints plain words without --json', async () => {
    const r = await runCli(
      ['policy', 'explain', '--tz', 'Asia/Jakarta', '--at', '2026-06-06T01:00'],
      cliEnv(dir),
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(4);
  });

  it.each([
    [['--at', 'yesterday'], 'badTime'],
    [['--at', '2026-02-30T10:00'], 'badTime'],
    [['--tz', 'Mars/Olympus'], 'badZone'],
    [['--idle-seconds', '-5'], 'badNumber'],
    [['--foreign-gpu-util', '150'], 'badPercent'],
  ])('refuses %j with exit 2 and a message', async (args, key) => {
    const r = await runCli(['policy', 'explain', ...args], cliEnv(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(key.replace(/^bad/, '').slice(0, 4), 'i'));
    const j = await runCli(['policy', 'explain', '--json', ...args], cliEnv(dir));
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: { key: `cli:policy.${key}` } });
  });
});
