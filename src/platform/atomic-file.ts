import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Makes a directory's entries (new, renamed or removed files) durable. Without it a
 * freshly created file can vanish after a power cut even though its data was synced.
 * Windows cannot open directories, and NTFS journals metadata itself, so there it is a
 * no-op.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for anything private. */
  mode?: number;
}

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file
 * or the new one, never a mix: write a sibling temp file, sync it, rename over, sync
 * the directory.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}
