import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_MESSAGES,
  PROTOCOL_PARTS,
  protocolJsonSchemaFiles,
} from '../../../src/api/protocol-schemas.js';

const DIR = join(import.meta.dirname, '../../../docs/protocol-schemas');

// Regenerate without a build: UPDATE_PROTOCOL_SCHEMAS=1 npx vitest run test/unit/network/protocol-schemas-doc.test.ts
if (process.env.UPDATE_PROTOCOL_SCHEMAS === '1') {
  mkdirSync(DIR, { recursive: true });
  for (const [name, text] of Object.entries(protocolJsonSchemaFiles()))
    writeFileSync(join(DIR, name), text);
}

describe('docs/protocol-schemas', () => {
  const generated = protocolJsonSchemaFiles();

  it('has one file per protocol message and no strays', () => {
    const committed = readdirSync(DIR)
      .filter((n) => n.endsWith('.json'))
      .sort();
    expect(committed).toEqual(
      Object.keys({ ...PROTOCOL_MESSAGES, ...PROTOCOL_PARTS })
        .map((n) => `${n}.json`)
        .sort(),
    );
  });

  it.each(Object.keys(generated))('%s matches the zod schema', (name) => {
    expect(readFileSync(join(DIR, name), 'utf8')).toBe(generated[name]);
  });

  it('forbids unknown fields in every message (strict)', () => {
    for (const name of Object.keys(PROTOCOL_MESSAGES)) {
      expect(JSON.parse(generated[`${name}.json`]!)).toMatchObject({ additionalProperties: false });
    }
  });

  it('is named in docs/protocol.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/protocol.md'), 'utf8');
    for (const name of Object.keys(generated)) expect(doc).toContain(`protocol-schemas/${name}`);
  });
});
