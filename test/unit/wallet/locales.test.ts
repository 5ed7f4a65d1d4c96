import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/wallet.js';
import id from '../../../src/api/locales/id/wallet.js';

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

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('wallet messages', () => {
  const enFlat = flatten(en);
  const idFlat = flatten(id);

  it('has the same keys and placeholders in English and Bahasa Indonesia', () => {
    expect([...idFlat.keys()].sort()).toEqual([...enFlat.keys()].sort());
    for (const [k, v] of enFlat) expect(placeholders(idFlat.get(k)!), k).toEqual(placeholders(v));
  });

  it('has a string for every wallet: key the code uses', async () => {
    const root = join(import.meta.dirname, '../../../src/wallet');
    const files = (await readdir(root)).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of (await readFile(join(root, f), 'utf8')).matchAll(/'wallet:([a-zA-Z.]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(enFlat.has(key), key).toBe(true);
  });
});
