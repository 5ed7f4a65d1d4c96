import { CoordinatorFrameSchema, MAX_FRAME_BYTES } from '../api/protocol-schemas.js';
import type { CoordinatorFrame, NodeFrame } from '../api/protocol-schemas.js';

/**
 * Inbound frames are untrusted: anything that is not a well-formed, known frame of this
 * protocol version is dropped (and counted by the caller), never thrown.
 */
export function parseCoordinatorFrame(
  data: unknown,
  maxBytes = MAX_FRAME_BYTES,
): CoordinatorFrame | null {
  const text = frameText(data, maxBytes);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = CoordinatorFrameSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function frameText(data: unknown, maxBytes: number): string | null {
  if (typeof data === 'string') return Buffer.byteLength(data) <= maxBytes ? data : null;
  if (Buffer.isBuffer(data)) return data.length <= maxBytes ? data.toString('utf8') : null;
  if (Array.isArray(data) && data.every((part) => Buffer.isBuffer(part))) {
    return frameText(Buffer.concat(data), maxBytes);
  }
  if (data instanceof ArrayBuffer) return frameText(Buffer.from(data), maxBytes);
  return null;
}

export function encodeFrame(frame: NodeFrame | CoordinatorFrame): string {
  return JSON.stringify(frame);
}
