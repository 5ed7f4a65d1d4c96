import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

interface Entry {
  /** Relative, `/`-separated. */
  path: string;
  abs: string;
  kind: 'file' | 'dir' | 'link' | 'other';
  size: number;
}

/**
 * Lists a folder the container wrote into without ever following a link: a job may leave
 * `/out/x -> /etc/shadow`, and the node runs with the owner's rights.
 */
async function walk(root: string, limit: number): Promise<Entry[]> {
  const out: Entry[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const names = await readdir(join(root, rel));
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      const abs = join(root, path);
      const st = await lstat(abs);
      const kind = st.isSymbolicLink()
        ? 'link'
        : st.isDirectory()
          ? 'dir'
          : st.isFile()
            ? 'file'
            : 'other';
      out.push({ path, abs, kind, size: kind === 'file' ? st.size : 0 });
      if (out.length > limit) throw new TooManyEntries();
      if (kind === 'dir') pending.push(path);
    }
  }
  return out;
}

export class TooManyEntries extends Error {}

const MAX_ENTRIES = 100_000;

/** Total bytes and entry count under a folder; links are not followed. */
export async function folderUsage(root: string): Promise<{ bytes: number; entries: number }> {
  try {
    const entries = await walk(root, MAX_ENTRIES);
    return { bytes: entries.reduce((sum, e) => sum + e.size, 0), entries: entries.length };
  } catch (err) {
    if (err instanceof TooManyEntries)
      return { bytes: Number.POSITIVE_INFINITY, entries: MAX_ENTRIES + 1 };
    throw err;
  }
}

/**
 * The canonical results hash: entries sorted by the UTF-8 bytes of their relative path;
 * for each, `<kind> <pathByteLength>:<path>` then, for a file, ` <size>:` and its bytes,
 * for a link ` <targetByteLength>:<target>`, for a file we may not read ` unreadable`; every record ends with `\n`. Length prefixes
 * make the encoding unambiguous, so two different trees cannot hash alike.
 */
export async function hashResults(root: string): Promise<string> {
  const entries = await walk(root, MAX_ENTRIES);
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const hash = createHash('sha256');
  for (const entry of entries) {
    hash.update(`${entry.kind} ${Buffer.byteLength(entry.path)}:${entry.path}`);
    if (entry.kind === 'file') {
      // O_NOFOLLOW: if something swapped the file for a link since we looked, refuse.
      const handle = await open(entry.abs, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
        (err: unknown) => {
          // A job can chmod its own output to 000; that is recorded, not a reason to lose the job.
          if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'EACCES')
            return null;
          throw err;
        },
      );
      if (handle === null) {
        hash.update(' unreadable\n');
        continue;
      }
      try {
        const st = await handle.stat();
        hash.update(` ${st.size}:`);
        for await (const chunk of handle.createReadStream({ autoClose: false }))
          hash.update(chunk as Buffer);
      } finally {
        await handle.close();
      }
    } else if (entry.kind === 'link') {
      const target = await readlink(entry.abs);
      hash.update(` ${Buffer.byteLength(target)}:${target}`);
    }
    hash.update('\n');
  }
  return hash.digest('hex');
}
