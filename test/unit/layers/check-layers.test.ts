import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS build script without type declarations
import { checkLayers } from '../../../scripts/check-layers.js';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'lumbung-layers-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

const check = (root: string) => (checkLayers as (root: string) => string[])(root);

describe('layering check', () => {
  it('passes the real repository', () => {
    expect(check(process.cwd())).toEqual([]);
  });

  it.each([
    [
      'src imports electron',
      { 'src/node/a.ts': "import { app } from 'electron';" },
      'electron or react',
    ],
    ['src imports react', { 'src/wallet/a.ts': "import React from 'react';" }, 'electron or react'],
    [
      'src requires electron',
      { 'src/x.ts': "const e = require('electron');" },
      'electron or react',
    ],
    [
      'renderer imports the node',
      { 'renderer/a.tsx': "import { Node } from '../src/node/node';" },
      'only src/api',
    ],
    ['renderer imports fs', { 'renderer/a.tsx': "import fs from 'node:fs';" }, 'sandboxed page'],
    [
      'api imports node',
      { 'src/api/a.ts': "import { readFile } from 'node:fs';" },
      'platform-free',
    ],
    [
      'api imports another layer',
      { 'src/api/a.ts': "import { x } from '../node/x.js';" },
      'only itself',
    ],
    ['api imports a library', { 'src/api/a.ts': "import { ethers } from 'ethers';" }, 'only zod'],
    [
      'policy does I/O',
      { 'src/policy/a.ts': "import { readFile } from 'node:fs/promises';" },
      'pure',
    ],
    [
      'policy reaches sideways',
      { 'src/policy/a.ts': "import { x } from '../gpu/x.js';" },
      'src/api',
    ],
    ['dynamic import', { 'src/node/a.ts': "await import('electron');" }, 'electron or react'],
  ])('fails when %s', async (_name, files, why) => {
    const violations = check(await tree(files));
    expect(violations.length).toBe(1);
    expect(violations[0]).toContain(why);
  });

  it('allows what the rule allows', async () => {
    const root = await tree({
      'renderer/a.tsx':
        "import { createClient } from '../src/api/client';\nimport React from 'react';",
      'src/api/a.ts': "import { z } from 'zod';\nimport { b } from './b.js';",
      'src/policy/a.ts': "import type { Decision } from '../api/policy-schemas.js';",
      'main/a.ts': "import { app } from 'electron';",
    });
    expect(check(root)).toEqual([]);
  });
});
