import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/gpu.js';
import id from '../../../src/api/locales/id/gpu.js';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const SRC = fileURLToPath(new URL('../../../src/gpu/', import.meta.url));

describe('gpu locale files', () => {
  const enLeaves = leaves(en);
  const idLeaves = leaves(id);

  it('have the same keys and placeholders in English and Indonesian', () => {
    expect([...idLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, text] of enLeaves)
      expect(placeholders(idLeaves.get(key)!), key).toEqual(placeholders(text));
  });

  it('contain every gpu: key the code uses', () => {
    const used = new Set<string>();
    for (const file of readdirSync(SRC)) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const m of text.matchAll(/'gpu:([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      // Keys built from a template: gpu:problem.${tool}.timeout
      for (const m of text.matchAll(/`gpu:problem\.\$\{tool\}\.(\w+)`/g)) {
        used.add(`problem.nvidia.${m[1]}`);
        used.add(`problem.rocm.${m[1]}`);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(enLeaves.has(key), key).toBe(true);
  });
});
