import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { buildTar } from './tar.js';
import type { TarEntry } from './tar.js';

/**
 * The local network's sample job image, built without a registry or network: a root
 * filesystem holding only a static busybox and its applet links, packed into a tar in
 * memory and loaded with `docker import`. It is tagged `lumbung-sample:<tar hash>` (so a
 * second build finds it) and pinned as `lumbung-sample@sha256:<image id>`: with no
 * registry there is no repository digest, and the image id is the content address the
 * engine itself checks.
 */
export const SAMPLE_IMAGE_REPO = 'lumbung-sample';
export const DEFAULT_BUSYBOX = '/bin/busybox';

const APPLETS = ['sh', 'sha256sum', 'cat', 'echo', 'ls', 'printf', 'sleep', 'true', 'false', 'env'];

export function sampleRootfsTar(busybox: Uint8Array): Buffer {
  const entries: TarEntry[] = [
    { kind: 'dir', path: 'bin' },
    { kind: 'dir', path: 'out', mode: 0o777 },
    { kind: 'dir', path: 'tmp', mode: 0o777 },
    { kind: 'file', path: 'bin/busybox', data: busybox, mode: 0o755 },
    ...APPLETS.map((name): TarEntry => ({
      kind: 'symlink',
      path: `bin/${name}`,
      target: 'busybox',
    })),
  ];
  return buildTar(entries);
}

export interface SampleImage {
  /** `lumbung-sample@sha256:<image id>`, what offers carry. */
  pinned: string;
  /** `sha256:<hex>`, the engine's image id. */
  id: string;
  tag: string;
}

export function pinnedSampleImage(imageId: string): string {
  return `${SAMPLE_IMAGE_REPO}@${imageId}`;
}

/** Builds the sample image once per busybox binary; later calls find the existing one. */
export async function ensureSampleImage(
  docker: Docker = new Docker(),
  busyboxPath: string = DEFAULT_BUSYBOX,
): Promise<SampleImage> {
  const tar = sampleRootfsTar(await readFile(busyboxPath));
  const tag = createHash('sha256').update(tar).digest('hex').slice(0, 20);
  const ref = `${SAMPLE_IMAGE_REPO}:${tag}`;
  const existing = await inspectId(docker, ref);
  if (existing) return { pinned: pinnedSampleImage(existing), id: existing, tag };
  const stream = await docker.importImage(Readable.from([tar]), { repo: SAMPLE_IMAGE_REPO, tag });
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null) =>
      error ? reject(error) : resolve(),
    );
  });
  const id = await inspectId(docker, ref);
  if (!id) throw new Error(`docker import did not produce ${ref}`);
  return { pinned: pinnedSampleImage(id), id, tag };
}

async function inspectId(docker: Docker, ref: string): Promise<string | null> {
  try {
    const info = await docker.getImage(ref).inspect();
    return /^sha256:[0-9a-f]{64}$/.test(info.Id) ? info.Id : null;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
