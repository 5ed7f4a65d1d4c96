import { SETTINGS_VERSION } from '../api/settings-schemas.js';

type Raw = Record<string, unknown>;

/**
 * Numbered migrations: entry N turns a version N-1 file into version N. Files
 * written before settings were versioned count as version 0.
 */
export const migrations: Record<number, (raw: Raw) => Raw> = {
  // v0 (unversioned preview builds) kept the cap and the plan at the top level.
  1: (raw) => {
    const { powerCapW, schedulePreset, ...rest } = raw;
    const policy = (
      typeof rest.policy === 'object' && rest.policy !== null ? rest.policy : {}
    ) as Raw;
    if (typeof powerCapW === 'number') policy.powerCap = { mode: 'watts', value: powerCapW };
    if (typeof schedulePreset === 'string') policy.schedule = { preset: schedulePreset, spans: [] };
    return { ...rest, policy, version: 1 };
  },
};

export class SettingsFromTheFutureError extends Error {
  constructor(readonly found: number) {
    super(`settings version ${found} is newer than this app understands (${SETTINGS_VERSION})`);
  }
}

export function migrate(raw: Raw): Raw {
  let version = typeof raw.version === 'number' ? raw.version : 0;
  if (version > SETTINGS_VERSION) throw new SettingsFromTheFutureError(version);
  let current = raw;
  while (version < SETTINGS_VERSION) {
    const step = migrations[version + 1];
    if (!step) throw new Error(`no migration to settings version ${version + 1}`);
    current = step(current);
    version += 1;
  }
  return current;
}
