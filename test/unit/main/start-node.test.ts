import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStartNode } from '../../../main/start-node.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-entry-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function entry(source: string): Promise<string> {
  const file = join(dir, `entry-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, source);
  return pathToFileURL(file).href;
}

describe('loadStartNode', () => {
  it('returns the core’s startNode', async () => {
    const startNode = await loadStartNode(
      await entry('export function startNode(o) { return { shell: o.shell }; }'),
    );
    expect(await startNode({ dataDir: dir, shell: 'electron', host: null as never })).toEqual({
      shell: 'electron',
    });
  });

  it('fails clearly when the entry has no startNode function', async () => {
    await expect(loadStartNode(await entry('export const startNode = 42;'))).rejects.toThrow(
      'does not export a startNode function',
    );
  });
});
