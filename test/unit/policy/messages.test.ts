import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/policy.js';
import id from '../../../src/api/locales/id/policy.js';

type Tree = { readonly [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

const enKeys = flatten(en);
const idKeys = flatten(id);

describe('policy messages', () => {
  it('has the same keys and placeholders in English and Bahasa Indonesia', () => {
    expect([...idKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
    for (const [key, text] of enKeys)
      expect(placeholders(idKeys.get(key)!), key).toEqual(placeholders(text));
  });

  it('has a string for every policy key the code and schemas use', () => {
    const files = [
      ...readdirSync('src/policy').map((f) => join('src/policy', f)),
      'src/api/policy-schemas.ts',
    ];
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'policy:([a-zA-Z0-9_.]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(enKeys.has(key), key).toBe(true);
  });
});
