import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/cli.js';
import id from '../../../src/api/locales/id/cli.js';
import { SettingsSchema } from '../../../src/api/settings-schemas.js';
import {
  parseAt,
  parseExplainOptions,
  policyInputsFor,
  wallClock,
} from '../../../src/headless/policy-cli.js';

type Tree = { readonly [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const placeholders = (tree: Tree, key: string): string[] => {
  const text = key.split('.').reduce<string | Tree>((t, part) => (t as Tree)[part]!, tree);
  return [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
};

describe('cli locale', () => {
  it('has the same keys and placeholders in English and Indonesian', () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) expect(placeholders(id, key)).toEqual(placeholders(en, key));
  });
});

describe('policy explain inputs', () => {
  it('reads a time without offset on the wall clock of the zone, also across DST', () => {
    const zones = ['Europe/Berlin', 'Asia/Jakarta', 'America/New_York', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, ms) => {
          const minute = Math.floor(ms / 60_000) * 60_000;
          const wall = wallClock(minute, zone);
          // Reading the wall clock back gives the same wall clock (an overlap may pick the other instant).
          expect(wallClock(parseAt(wall, zone), zone)).toBe(wall);
        },
      ),
    );
  });

  it('honours an explicit offset whatever the zone', () => {
    expect(parseAt('2026-03-29T01:30:00+01:00', 'Asia/Jakarta')).toBe(
      Date.parse('2026-03-29T00:30:00Z'),
    );
  });

  it.each(['', 'now', '2026-13-01T00:00', '2026-02-29T10:00', '2026-01-01T24:00', '1e12'])(
    'rejects %j',
    (value) => {
      expect(() => parseAt(value, 'UTC')).toThrow();
    },
  );

  it('counts foreign GPU use from the settings threshold', () => {
    const settings = SettingsSchema.parse({});
    const threshold = settings.policy.foreignGpuUtilPct;
    const at = (pct: number) =>
      policyInputsFor(
        settings,
        parseExplainOptions({ tz: 'UTC', foreignGpuUtil: String(pct), lang: 'en' }, () => 0),
      ).foreignGpu.active;
    expect(at(threshold)).toBe(true);
    expect(at(Math.max(0, threshold - 0.5))).toBe(threshold === 0);
  });

  it('rejects negative or non-numeric numbers', () => {
    for (const idleSeconds of ['-1', 'abc', ''])
      expect(() => parseExplainOptions({ tz: 'UTC', idleSeconds, lang: 'en' }, () => 0)).toThrow();
  });
});
