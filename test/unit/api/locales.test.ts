import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/api/format-message.js';
import { NAMESPACES, resources } from '../../../src/api/locales/index.js';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: English and Bahasa Indonesia have the same keys and placeholders`, () => {
      const en = leaves(resources.en[ns] as Tree);
      const id = leaves(resources.id[ns] as Tree);
      expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(placeholders(id.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(text));
        expect(text.trim(), `${ns}:${key} is empty`).not.toBe('');
      }
    });
  }

  it('formats a message with values, falls back to the key when unknown', () => {
    expect(
      formatMessage('en', { key: 'common:error.unknownMethod', values: { method: 'x.y' } }),
    ).toContain('x.y');
    expect(formatMessage('id', { key: 'common:state.off' })).toBe('Nonaktif');
    expect(formatMessage('en', { key: 'common:no.such.key' })).toBe('common:no.such.key');
  });
});
