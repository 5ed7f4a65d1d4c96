import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
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
async function importRootfs(
  docker: Docker,
  name: string,
  fingerprint: string,
  fill: (root: string) => Promise<void>,
  changes: readonly string[] = [],
) {
  const tag = `lumbung-test/${name}:${fingerprint}`;
  const existing = await docker
    .getImage(tag)
    .inspect()
    .catch(() => null);
  if (existing) return `lumbung-test/${name}@${existing.Id}`;

  const root = await mkdtemp(join(tmpdir(), `lumbung-${name}-`));
  try {
    await fill(root);
    const changeArgs = changes.flatMap((c) => ['--change', c]);
    await run('sh', [
      '-c',
      'root="$1"; tag="$2"; shift 2; tar -C "$root" -c . | docker import "$@" - "$tag"',
      'sh',
      root,
      tag,
      ...changeArgs,
    ]);
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

/**
 * busybox-static at /bin/busybox with a link per applet (sh, wget, dd, …). `changes` are
 * Dockerfile lines applied at import (`ENV LD_PRELOAD=…`), for images admission must refuse.
 */
export function busyboxImage(
  docker: Docker,
  variant?: { name: string; changes: readonly string[] },
): Promise<string> {
  const name = variant ? `busybox-${variant.name}` : 'busybox';
  const changes = variant?.changes ?? [];
  return once(name, async () => {
    const binary = await readFile('/bin/busybox');
    return importRootfs(
      docker,
      name,
      fingerprintOf(binary, 'v1', ...changes),
      async (root) => {
        await mkdir(join(root, 'bin'));
        await copyFile('/bin/busybox', join(root, 'bin/busybox'));
        await chmod(join(root, 'bin/busybox'), 0o755);
        const { stdout } = await run('/bin/busybox', ['--list']);
        for (const applet of stdout
          .split('\n')
          .filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox')) {
          await symlink('busybox', join(root, 'bin', applet));
        }
        await mkdir(join(root, 'proc'));
      },
      changes,
    );
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

/**
 * `prog <ipv4> <port>`: connects without any name lookup (a static glibc resolver can
 * crash), sends an HTTP GET and prints `connected` and the reply, or `error: <reason>`.
 */
export const NET_PROBE_C = `
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(int argc, char **argv) {
  if (argc < 3) return 2;
  alarm(5);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &a.sin_addr) != 1) return 2;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) { printf("error: %s\\n", strerror(errno)); return 1; }
  if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) { printf("error: %s\\n", strerror(errno)); return 1; }
  const char *req = "GET / HTTP/1.0\\r\\n\\r\\n";
  if (write(s, req, strlen(req)) < 0) { printf("error: %s\\n", strerror(errno)); return 1; }
  char buf[4096];
  ssize_t n, total = 0;
  while ((n = read(s, buf + total, sizeof buf - 1 - total)) > 0) total += n;
  buf[total] = 0;
  printf("connected\\n%s\\n", buf);
  return 0;
}
`;
