import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderUsage, hashResults } from '../../../src/sandbox/results-hash.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-hash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashResults', () => {
  it('follows the documented canonical encoding', async () => {
    await writeFile(join(dir, 'b.txt'), 'bee');
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'a', 'x'), 'ex');
    const expected = createHash('sha256')
      .update('dir 1:a\n')
      .update('file 3:a/x 2:ex\n')
      .update('file 5:b.txt 3:bee\n')
      .digest('hex');
    expect(await hashResults(dir)).toBe(expected);
  });

  it('an empty folder has a fixed hash', async () => {
    expect(await hashResults(dir)).toBe(createHash('sha256').digest('hex'));
  });

  it('does not follow links: a link to a secret hashes as the link text', async () => {
    const secret = join(dir, '..', `secret-${Date.now()}`);
    await writeFile(secret, 'top secret');
    try {
      await symlink(secret, join(dir, 'leak'));
      const expected = createHash('sha256')
        .update(`link 4:leak ${Buffer.byteLength(secret)}:${secret}\n`)
        .digest('hex');
      expect(await hashResults(dir)).toBe(expected);
    } finally {
      await rm(secret, { force: true });
    }
  });

  it('content and names both matter', async () => {
    await writeFile(join(dir, 'a'), '1');
    const one = await hashResults(dir);
    await writeFile(join(dir, 'a'), '2');
    const two = await hashResults(dir);
    await rm(join(dir, 'a'));
    await writeFile(join(dir, 'b'), '2');
    const three = await hashResults(dir);
    expect(new Set([one, two, three]).size).toBe(3);
  });
});

describe('folderUsage', () => {
  it('adds file sizes without following links', async () => {
    await writeFile(join(dir, 'a'), Buffer.alloc(1000));
    await mkdir(join(dir, 'd'));
    await writeFile(join(dir, 'd', 'b'), Buffer.alloc(24));
    await symlink('/etc/passwd', join(dir, 'l'));
    expect(await folderUsage(dir)).toEqual({ bytes: 1024, entries: 4 });
  });
});
