#!/usr/bin/env node
// Compiles every .sol file in src/network/contracts/ with solc-js (standard JSON) and
// writes src/network/contracts/build/<Name>.json = { contractName, abi, bytecode }.
// A content-hash stamp makes a repeated build a no-op: the hash covers our sources,
// every imported file, the compiler version and the settings, so any change that could
// change the bytecode triggers a rebuild, and nothing else does.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'src', 'network', 'contracts');
const BUILD_DIR = join(SOURCE_DIR, 'build');
const STAMP_FILE = join(BUILD_DIR, '.stamp.json');
const SOLC_VERSION = '0.8.28';

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

function readOwnSources() {
  const names = readdirSync(SOURCE_DIR)
    .filter((n) => n.endsWith('.sol'))
    .sort();
  if (names.length === 0) fail(`no .sol files in ${SOURCE_DIR}`);
  return Object.fromEntries(
    names.map((n) => [n, { content: readFileSync(join(SOURCE_DIR, n), 'utf8') }]),
  );
}

/** Resolves `@openzeppelin/...` (or any package path) from node_modules, or a local file. */
function resolveImport(path) {
  const local = join(SOURCE_DIR, path);
  if (existsSync(local)) return local;
  try {
    return require.resolve(path, { paths: [ROOT] });
  } catch {
    return null;
  }
}

/** Every file the sources import, transitively, so the stamp sees library changes too. */
function collectImports(sources) {
  const seen = new Map();
  const queue = Object.entries(sources).map(([name, { content }]) => [name, content]);
  const importRe = /^\s*import\s+(?:[^'"]*?from\s+)?["']([^"']+)["']/gm;
  while (queue.length > 0) {
    const [name, content] = queue.shift();
    for (const m of content.matchAll(importRe)) {
      const spec = m[1].startsWith('.') ? join(dirname(name), m[1]).split('\\').join('/') : m[1];
      if (seen.has(spec) || spec in sources) continue;
      const file = resolveImport(spec);
      if (file === null) fail(`cannot resolve import "${m[1]}" in ${name}`);
      const text = readFileSync(file, 'utf8');
      seen.set(spec, text);
      queue.push([spec, text]);
    }
  }
  return seen;
}

function stampOf(sources, imports) {
  const h = createHash('sha256');
  h.update(JSON.stringify({ solc: SOLC_VERSION, settings: SETTINGS }));
  for (const [name, { content }] of Object.entries(sources)) h.update(`\0${name}\0${content}`);
  for (const [name, content] of [...imports.entries()].sort(([a], [b]) => a.localeCompare(b)))
    h.update(`\0${name}\0${content}`);
  return h.digest('hex');
}

function isUpToDate(stamp) {
  if (!existsSync(STAMP_FILE)) return false;
  try {
    const saved = JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
    return (
      saved.hash === stamp &&
      Array.isArray(saved.outputs) &&
      saved.outputs.every((n) => existsSync(join(BUILD_DIR, `${n}.json`)))
    );
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`compile-contracts: ${message}`);
  process.exit(1);
}

/** Writes through a temp file so a reader never sees half an artifact. */
function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function main() {
  const force = process.argv.includes('--force');
  const sources = readOwnSources();
  const imports = collectImports(sources);
  const stamp = stampOf(sources, imports);
  if (!force && isUpToDate(stamp)) {
    console.log('compile-contracts: up to date');
    return;
  }

  const solc = require('solc');
  if (!String(solc.version()).startsWith(SOLC_VERSION))
    fail(`expected solc ${SOLC_VERSION}, found ${solc.version()}`);

  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const findImports = (path) => {
    const text = imports.get(path);
    if (text !== undefined) return { contents: text };
    const file = resolveImport(path);
    return file === null
      ? { error: `not found: ${path}` }
      : { contents: readFileSync(file, 'utf8') };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  const diagnostics = output.errors ?? [];
  for (const d of diagnostics.filter((e) => e.severity !== 'error'))
    console.warn(d.formattedMessage ?? d.message);
  const errors = diagnostics.filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    for (const e of errors) console.error(e.formattedMessage ?? e.message);
    fail(`${errors.length} solc error(s)`);
  }

  mkdirSync(BUILD_DIR, { recursive: true });
  const outputs = [];
  for (const file of Object.keys(sources)) {
    for (const [contractName, c] of Object.entries(output.contracts?.[file] ?? {})) {
      const bytecode = c.evm?.bytecode?.object ?? '';
      if (bytecode === '') continue; // interfaces and abstract contracts cannot be deployed
      const artifact = { contractName, abi: c.abi, bytecode: `0x${bytecode}` };
      writeAtomic(
        join(BUILD_DIR, `${contractName}.json`),
        `${JSON.stringify(artifact, null, 2)}\n`,
      );
      outputs.push(contractName);
    }
  }
  if (outputs.length === 0) fail('solc produced no deployable contracts');
  writeAtomic(STAMP_FILE, `${JSON.stringify({ hash: stamp, outputs }, null, 2)}\n`);
  console.log(`compile-contracts: wrote ${outputs.join(', ')}`);
}

main();
