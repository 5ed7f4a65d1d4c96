import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/sandbox.js';
import id from '../../../src/api/locales/id/sandbox.js';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node))
      for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('sandbox locale', () => {
  const enLeaves = leaves(en);
  const idLeaves = leaves(id);

  it('English and Bahasa Indonesia have the same keys and placeholders', () => {
    expect([...idLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, text] of enLeaves)
      expect(placeholders(idLeaves.get(key)!), key).toEqual(placeholders(text));
  });

  it('every sandbox:… key the code uses exists', () => {
    const dir = join(import.meta.dirname, '../../../src/sandbox');
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/'sandbox:([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    // Reasons built from the hostile-field table and decline() calls.
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/(?:decline\(|reason: )'([a-zA-Z]+)'/g))
        used.add(`decline.${m[1]}`);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(enLeaves.has(key), key).toBe(true);
  });
});
