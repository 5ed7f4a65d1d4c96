#!/usr/bin/env node
// Writes docs/protocol-schemas/<message>.json (JSON Schema 2020-12, from zod 4's
// z.toJSONSchema) for every protocol message. It reads the BUILT schemas, so build first:
//   npx tsc -p tsconfig.build.json && node scripts/export-protocol-schemas.js
// test/unit/network/protocol-schemas-doc.test.ts checks the committed files match.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { protocolJsonSchemaFiles } = await import(join(root, 'dist/src/api/protocol-schemas.js'));

const outDir = join(root, 'docs/protocol-schemas');
mkdirSync(outDir, { recursive: true });
const files = protocolJsonSchemaFiles();
for (const name of readdirSync(outDir)) {
  if (name.endsWith('.json') && !(name in files)) rmSync(join(outDir, name));
}
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
console.log(`wrote ${Object.keys(files).length} schemas to ${outDir}`);
