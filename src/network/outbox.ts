import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CompleteFrameSchema, FailFrameSchema } from '../api/protocol-schemas.js';
import type { CompleteFrame, FailFrame } from '../api/protocol-schemas.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

/**
 * Completions and failures waiting for the coordinator's acknowledgement. Append-only
 * JSONL, fsynced per record, so whatever the node earned survives a crash or a long
 * time offline. Items are keyed by `jobId:type`: queuing the same item twice is a no-op,
 * which makes re-sends idempotent on our side as the coordinator makes them on its side.
 */
export type OutboxFrame = CompleteFrame | FailFrame;

const RecordSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('put'),
    key: z.string(),
    frame: z.union([CompleteFrameSchema, FailFrameSchema]),
  }),
  z.object({ op: z.literal('del'), key: z.string() }),
]);
type OutboxRecord = z.infer<typeof RecordSchema>;

export function outboxKey(frame: { jobId: string; type: string }): string {
  return `${frame.jobId}:${frame.type}`;
}

export class Outbox {
  private readonly items = new Map<string, OutboxFrame>();
  private writes: Promise<void> = Promise.resolve();
  /** Lines that could not be read back (a torn last write, or damage); for diagnostics. */
  skippedLines = 0;

  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<Outbox> {
    const box = new Outbox(path);
    await mkdir(dirname(path), { recursive: true });
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let lines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      lines += 1;
      box.replay(line);
    }
    // Compact once per open so the file does not grow with every acknowledged job.
    if (lines !== box.items.size) await box.rewrite();
    return box;
  }

  private replay(line: string): void {
    let record: OutboxRecord;
    try {
      record = RecordSchema.parse(JSON.parse(line));
    } catch {
      this.skippedLines += 1;
      return;
    }
    if (record.op === 'put') {
      if (!this.items.has(record.key)) this.items.set(record.key, record.frame);
    } else {
      this.items.delete(record.key);
    }
  }

  private async rewrite(): Promise<void> {
    const body = [...this.items].map(([key, frame]) => JSON.stringify({ op: 'put', key, frame }));
    await writeFileAtomic(this.path, body.length === 0 ? '' : `${body.join('\n')}\n`, {
      mode: 0o600,
    });
  }

  private append(record: OutboxRecord): Promise<void> {
    const run = async (): Promise<void> => {
      const handle = await open(this.path, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(record)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    const next = this.writes.then(run, run);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Queues a frame durably; returns false when an item with the same key is already queued. */
  async put(frame: OutboxFrame): Promise<boolean> {
    const key = outboxKey(frame);
    if (this.items.has(key)) return false;
    this.items.set(key, frame);
    try {
      await this.append({ op: 'put', key, frame });
    } catch (error) {
      this.items.delete(key);
      throw error;
    }
    return true;
  }

  /** Removes an acknowledged item; removing an unknown key is a no-op. */
  async remove(key: string): Promise<boolean> {
    if (!this.items.has(key)) return false;
    this.items.delete(key);
    await this.append({ op: 'del', key });
    return true;
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  get(key: string): OutboxFrame | undefined {
    return this.items.get(key);
  }

  pending(): OutboxFrame[] {
    return [...this.items.values()];
  }

  /** Resolves once every write queued so far is on disk. */
  async flush(): Promise<void> {
    await this.writes;
  }
}
