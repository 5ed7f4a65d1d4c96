import type Docker from 'dockerode';
import { z } from 'zod';
import { msg } from '../api/message.js';
import { SandboxError } from './errors.js';
import { parsePinnedImage } from './image-ref.js';

const InspectIdSchema = z.looseObject({ Id: z.string() });

async function inspectId(docker: Docker, ref: string): Promise<string | null> {
  try {
    const parsed = InspectIdSchema.safeParse(await docker.getImage(ref).inspect());
    return parsed.success ? parsed.data.Id : null;
  } catch {
    return null;
  }
}

async function pull(docker: Docker, ref: string): Promise<boolean> {
  try {
    const stream = await docker.pull(ref);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the local image a pinned reference names and returns its image id, which the
 * container is then created from (so nothing can re-point a tag in between).
 *
 * Two pinning schemes are accepted:
 * - registry images: `name@sha256:<manifest digest>`, matched by the engine through the
 *   image's RepoDigests (pulled when absent and `allowPull` is set);
 * - local images (`docker import`, `docker load`) have no RepoDigests, so
 *   `name@sha256:<image id>` is accepted when a local image has exactly that id. An image
 *   id is the sha256 of the image config, which names every layer's content, so it pins
 *   as tightly as a manifest digest. The name part is then only a label.
 */
export async function resolvePinnedImage(
  docker: Docker,
  ref: string,
  allowPull: boolean,
): Promise<string> {
  const pinned = parsePinnedImage(ref);
  if (!pinned)
    throw new SandboxError(msg('sandbox:decline.imageNotPinned', { image: ref.slice(0, 200) }));
  const byDigest = await inspectId(docker, ref);
  if (byDigest) return byDigest;
  const imageId = `sha256:${pinned.digestHex}`;
  if ((await inspectId(docker, imageId)) === imageId) return imageId;
  if (allowPull && (await pull(docker, ref))) {
    const pulled = await inspectId(docker, ref);
    if (pulled) return pulled;
  }
  throw new SandboxError(msg('sandbox:run.imageUnavailable', { image: ref.slice(0, 200) }));
}
