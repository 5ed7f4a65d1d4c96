import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SETTINGS_VERSION,
  SettingsPatchSchema,
  SettingsSchema,
} from '../../../src/api/settings-schemas.js';
import { migrate, SettingsFromTheFutureError } from '../../../src/settings/migrations.js';
import { SettingsStore } from '../../../src/settings/store.js';

const tmp = () => mkdtemp(join(tmpdir(), 'lumbung-settings-'));

describe('SettingsStore', () => {
  it('starts with defaults and persists changes across reopen', async () => {
    const dir = await tmp();
    const { store, damagedBackup } = await SettingsStore.open(dir);
    expect(damagedBackup).toBeNull();
    expect(store.get()).toEqual(SettingsSchema.parse({}));
    store.update({ language: 'id', policy: { idleMinutes: 9 } });
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
    const again = (await SettingsStore.open(dir)).store.get();
    expect(again.language).toBe('id');
    expect(again.policy.idleMinutes).toBe(9);
    // Merging one level deep keeps the rest of the section.
    expect(again.policy.tempCapC).toBe(SettingsSchema.parse({}).policy.tempCapC);
  });

  it('applies a patch as the API parses it without resetting the rest of the section', async () => {
    const dir = await tmp();
    const { store } = await SettingsStore.open(dir);
    store.update(SettingsPatchSchema.parse({ policy: { tempCapC: 75, idleMinutes: 7 } }));
    store.update(SettingsPatchSchema.parse({ policy: { idleMinutes: 3 } }));
    expect(store.get().policy.tempCapC).toBe(75);
    expect(store.get().policy.idleMinutes).toBe(3);
    expect(SettingsPatchSchema.safeParse({ policy: { noSuchKey: 1 } }).success).toBe(false);
    expect(() =>
      store.update(SettingsPatchSchema.parse({ policy: { idleMinutes: -4 } })),
    ).toThrow();
    expect(store.get().policy.idleMinutes).toBe(3);
  });

  it('refuses an invalid patch and keeps the old values', async () => {
    const dir = await tmp();
    const { store } = await SettingsStore.open(dir);
    expect(() => store.update({ electricityPricePerKwh: '-5' } as never)).toThrow();
    expect(store.get().electricityPricePerKwh).toBe(
      SettingsSchema.parse({}).electricityPricePerKwh,
    );
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(onDisk.electricityPricePerKwh).toBe(SettingsSchema.parse({}).electricityPricePerKwh);
  });

  it.each([
    ['truncated JSON', '{"language": "id", "shar'],
    ['not an object', '[1,2,3]'],
    ['wrong types', JSON.stringify({ version: 1, language: 'klingon' })],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('keeps a damaged file aside (%s) and starts from defaults', async (_name, content) => {
    const dir = await tmp();
    await writeFile(join(dir, 'settings.json'), content);
    const { store, damagedBackup } = await SettingsStore.open(dir, undefined, () =>
      Date.UTC(2026, 10, 30),
    );
    expect(damagedBackup).not.toBeNull();
    expect(store.get()).toEqual(SettingsSchema.parse({}));
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('settings.damaged-2026-11-30'))).toBe(true);
    expect(await readFile(damagedBackup!, 'utf8')).toBe(content);
  });

  it('migrates an unversioned preview file and keeps its values', async () => {
    const dir = await tmp();
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        language: 'id',
        sharing: true,
        powerCapW: 180,
        schedulePreset: 'overnight',
      }),
    );
    const { store, damagedBackup } = await SettingsStore.open(dir);
    expect(damagedBackup).toBeNull();
    const s = store.get();
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.language).toBe('id');
    expect(s.sharing).toBe(true);
    expect(s.policy.powerCap).toEqual({ mode: 'watts', value: 180 });
    expect(s.policy.schedule.preset).toBe('overnight');
  });

  it('does not overwrite settings from a newer app version', async () => {
    expect(() => migrate({ version: SETTINGS_VERSION + 1 })).toThrow(SettingsFromTheFutureError);
    const dir = await tmp();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 99, language: 'id' }));
    const { damagedBackup } = await SettingsStore.open(dir);
    expect(damagedBackup).toMatch(/settings\.newer-/);
  });
});
