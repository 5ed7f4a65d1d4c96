#!/usr/bin/env node
// The dependency rule from DESIGN.md, checked on the import graph rather than by
// convention: src/ never imports electron or react, renderer/ sees only src/api,
// src/api is platform-free, src/policy is pure.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const IMPORT_RE =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (/\.(c|m)?tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function importsOf(source) {
  const found = [];
  for (const m of source.matchAll(IMPORT_RE)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

/** Returns a list of human-readable violations for the tree rooted at `root`. */
export function checkLayers(root) {
  const violations = [];
  const rel = (p) => relative(root, p).split(sep).join('/');
  const check = (dir, rule) => {
    let files = [];
    try {
      files = walk(join(root, dir));
    } catch {
      return;
    }
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? rel(resolve(dirname(file), spec)) : spec;
        const why = rule(rel(file), spec, target);
        if (why) violations.push(`${rel(file)} imports '${spec}': ${why}`);
      }
    }
  };
  const isPkg = (spec, names) => names.some((n) => spec === n || spec.startsWith(`${n}/`));
  check('src', (_file, spec) =>
    isPkg(spec, ['electron', 'react', 'react-dom'])
      ? 'src/ must not import electron or react'
      : null,
  );
  check('src/api', (_file, spec, target) => {
    if (
      spec.startsWith('node:') ||
      isPkg(spec, ['fs', 'path', 'os', 'child_process', 'net', 'http'])
    )
      return 'src/api is platform-free (no Node modules)';
    if (spec.startsWith('.') && !target.startsWith('src/api')) return 'src/api imports only itself';
    if (!spec.startsWith('.') && !isPkg(spec, ['zod'])) return 'src/api may use only zod';
    return null;
  });
  check('src/policy', (_file, spec, target) => {
    if (spec.startsWith('node:') || isPkg(spec, ['fs', 'child_process', 'net']))
      return 'src/policy is pure (no I/O)';
    if (spec.startsWith('.') && !(target.startsWith('src/policy') || target.startsWith('src/api')))
      return 'src/policy depends only on src/api';
    return null;
  });
  check('renderer', (_file, spec, target) => {
    if (spec.startsWith('.') && target.startsWith('src/') && !target.startsWith('src/api'))
      return 'renderer/ sees only src/api';
    if (spec.startsWith('node:') || isPkg(spec, ['electron']))
      return 'renderer/ runs in a sandboxed page';
    return null;
  });
  return violations;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const violations = checkLayers(process.argv[2] ?? process.cwd());
  if (violations.length > 0) {
    console.error(`Layering rule broken (see DESIGN.md, "Shape"):\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log('layers: ok');
}
