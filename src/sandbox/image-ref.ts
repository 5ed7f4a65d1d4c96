import { PINNED_IMAGE_PATTERN } from '../api/sandbox-schemas.js';

export interface PinnedImage {
  name: string;
  /** 64 lowercase hex digits, without the `sha256:` prefix. */
  digestHex: string;
}

/** Splits `name@sha256:<hex>`; null for anything not pinned by digest (tags, short digests, other algorithms). */
export function parsePinnedImage(ref: string): PinnedImage | null {
  const match = PINNED_IMAGE_PATTERN.exec(ref);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], digestHex: match[2] };
}
