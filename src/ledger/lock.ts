import { open, readFile, rm } from 'node:fs/promises';

/**
 * One writer per ledger directory: two processes appending to one journal would
 * interleave seqs. The lock file holds the owner's pid; a lock left by a process that
 * no longer exists (kill -9, power loss) is taken over.
 */

const heldHere = new Set<string>();

export class LockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number | null,
  ) {
    super(`ledger is in use by ${pid === null ? 'this process' : `process ${pid}`}: ${path}`);
    this.name = 'LockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  release(): Promise<void>;
}

export async function acquireLock(path: string): Promise<DirLock> {
  if (heldHere.has(path)) throw new LockedError(path, null);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      heldHere.add(path);
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          heldHere.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt((await readFile(path, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new LockedError(path, pid);
    }
    await rm(path, { force: true }); // stale: its owner is gone
  }
  throw new LockedError(path, null);
}
