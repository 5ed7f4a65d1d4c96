import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { SettingsSchema, type Settings, type SettingsPatch } from '../api/settings-schemas.js';
import { migrate, SettingsFromTheFutureError } from './migrations.js';

/** The part of conf / electron-store we use; electron-store is a conf subclass. */
export interface KeyValueFile {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
  clear(): void;
}
export type KeyValueFileFactory = (options: { cwd: string; configName: string }) => KeyValueFile;

/** Settings may hold an MQTT password or a Home Assistant token: owner-only file. */
export const SETTINGS_FILE_MODE = 0o600;

export const confFactory: KeyValueFileFactory = (options) =>
  new Conf<Record<string, unknown>>({
    ...options,
    projectName: 'lumbung',
    configFileMode: SETTINGS_FILE_MODE,
  });

export interface OpenedSettings {
  store: SettingsStore;
  /** Set when the file on disk was unreadable and was put aside. */
  damagedBackup: string | null;
}

/**
 * Settings on disk: validated, migrated, written atomically by conf. A damaged or
 * unreadable file is never wiped: it is renamed aside and the owner is told.
 */
export class SettingsStore {
  private current: Settings;

  private constructor(private readonly file: KeyValueFile) {
    this.current = SettingsSchema.parse(file.store);
    file.set(this.current);
  }

  static async open(
    dir: string,
    factory: KeyValueFileFactory = confFactory,
    now: () => number = Date.now,
  ): Promise<OpenedSettings> {
    const path = join(dir, 'settings.json');
    let damagedBackup: string | null = null;
    let migrated: Record<string, unknown> | null = null;
    try {
      const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new Error('not an object');
      migrated = migrate(raw as Record<string, unknown>);
      SettingsSchema.parse(migrated);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing) {
        const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
        const kind = error instanceof SettingsFromTheFutureError ? 'newer' : 'damaged';
        damagedBackup = join(dir, `settings.${kind}-${stamp}.json`);
        await rename(path, damagedBackup);
      }
      migrated = null;
    }
    const file = factory({ cwd: dir, configName: 'settings' });
    if (migrated) {
      file.clear();
      file.set(migrated);
    }
    return { store: new SettingsStore(file), damagedBackup };
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a validated patch; nested sections are merged so a patch never drops fields. */
  update(patch: SettingsPatch | { sharing: boolean }): Settings {
    const base = this.current as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      const old = base[key];
      merged[key] =
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        typeof old === 'object' &&
        old
          ? { ...(old as object), ...value }
          : value;
    }
    const next = SettingsSchema.parse(merged);
    this.file.set(next);
    this.current = next;
    return next;
  }
}
