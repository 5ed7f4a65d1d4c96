import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Test images are built with `docker import` (no registry here). Imported images have no
 * RepoDigests, so they are pinned by image id: `lumbung-test/<name>@sha256:<image id>`,
 * which the runner resolves to the local image with exactly that id (see
 * src/sandbox/image-resolve.ts). Images are tagged with a fingerprint of what went in,
 * so later runs reuse them instead of rebuilding.
 */
async function importRootfs(docker: Docker, name: string, fingerprint: string, fill: (root: string) => Promise<void>) {
  const tag = `lumbung-test/${name}:${fingerprint}`;
  const existing = await docker
    .getImage(tag)
    .inspect()
    .catch(() => null);
  if (existing) return `lumbung-test/${name}@${existing.Id}`;

  const root = await mkdtemp(join(tmpdir(), `lumbung-${name}-`));
  try {
    await fill(root);
    await run('sh', ['-c', 'tar -C "$1" -c . | docker import - "$2"', 'sh', root, tag]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const built = await docker.getImage(tag).inspect();
  return `lumbung-test/${name}@${built.Id}`;
}

const fingerprintOf = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

const cache = new Map<string, Promise<string>>();
function once(key: string, build: () => Promise<string>): Promise<string> {
  let found = cache.get(key);
  if (!found) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

/** busybox-static at /bin/busybox with a link per applet (sh, wget, dd, …). */
export function busyboxImage(docker: Docker): Promise<string> {
  return once('busybox', async () => {
    const binary = await readFile('/bin/busybox');
    return importRootfs(docker, 'busybox', fingerprintOf(binary, 'v1'), async (root) => {
      await mkdir(join(root, 'bin'));
      await copyFile('/bin/busybox', join(root, 'bin/busybox'));
      await chmod(join(root, 'bin/busybox'), 0o755);
      const { stdout } = await run('/bin/busybox', ['--list']);
      for (const applet of stdout.split('\n').filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox')) {
        await symlink('busybox', join(root, 'bin', applet));
      }
      await mkdir(join(root, 'proc'));
    });
  });
}

/** A C program compiled with `gcc -static`, alone at /prog. */
export function cProgramImage(docker: Docker, name: string, source: string): Promise<string> {
  return once(`c:${name}`, () =>
    importRootfs(docker, name, fingerprintOf(source, 'v1'), async (root) => {
      await writeFile(join(root, 'prog.c'), source);
      await run('gcc', ['-static', '-O1', '-o', join(root, 'prog'), join(root, 'prog.c')]);
      await rm(join(root, 'prog.c'));
    }),
  );
}

/** Grabs memory 1 MiB at a time and touches every page, forever. */
export const MEMORY_HOG_C = `
#include <stdlib.h>
#include <string.h>
int main(void) {
  for (;;) {
    char *p = malloc(1 << 20);
    if (!p) return 3;
    memset(p, 1, 1 << 20);
  }
}
`;
