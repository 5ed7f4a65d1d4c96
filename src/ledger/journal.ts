import { mkdir, open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TextDecoder } from 'node:util';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { fsyncDir } from '../platform/atomic-file.js';
import { crc32 } from './crc32.js';

/**
 * An append-only JSONL journal. Each line is
 *   {"seq":n,"crc":c,"e":<event JSON>}\n
 * where c is the CRC-32 of the event's exact bytes. An append resolves only after the
 * line is written and fdatasync'd, so whatever was acknowledged survives kill -9 and
 * power loss. On open the file is replayed: a torn or unreadable tail (a write the crash
 * cut short, never acknowledged) is truncated away; a bad line in the middle is reported
 * and skipped, never fatal; a repeated seq is skipped so nothing counts twice.
 */

export interface JournalRecord {
  seq: number;
  event: unknown;
}

export type JournalIssueKind = 'tornTail' | 'corruptLine' | 'duplicateSeq';

export interface JournalIssue {
  kind: JournalIssueKind;
  /** 1-based line number in the file as found. */
  line: number;
  message: Message;
}

export interface JournalReplay {
  records: JournalRecord[];
  issues: JournalIssue[];
}

interface Pending {
  line: Buffer;
  seq: number;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

const LINE_RE = /^\{"seq":([1-9][0-9]{0,15}),"crc":(0|[1-9][0-9]{0,9}),"e":(.*)\}$/s;
const NEWLINE = 0x0a;

export class JournalClosedError extends Error {
  constructor() {
    super('journal is closed');
    this.name = 'JournalClosedError';
  }
}

export class Journal {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** Set when a failed write could not be undone; the file must be reopened. */
  private broken: unknown = null;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private size: number,
    private nextSeq: number,
  ) {}

  /** Opens (creating if needed) and replays the journal at `path`. */
  static async open(path: string): Promise<{ journal: Journal } & JournalReplay> {
    await mkdir(dirname(path), { recursive: true });
    let bytes: Buffer;
    let created = false;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      bytes = Buffer.alloc(0);
      created = true;
    }
    const scan = scanJournal(bytes);
    if (scan.validLength < bytes.length) {
      const fixer = await open(path, 'r+');
      try {
        await fixer.truncate(scan.validLength);
        await fixer.sync();
      } finally {
        await fixer.close();
      }
    }
    const handle = await open(path, 'a', 0o600);
    if (created) await fsyncDir(dirname(path));
    const journal = new Journal(path, handle, scan.validLength, scan.maxSeq + 1);
    return { journal, records: scan.records, issues: scan.issues };
  }

  /**
   * Appends one event and resolves with its seq once it is durable. Appends queue up in
   * call order; those waiting together share one write and one fdatasync.
   */
  append(event: unknown): Promise<number> {
    if (this.closed) return Promise.reject(new JournalClosedError());
    if (this.broken !== null) return Promise.reject(this.broken);
    const payload = JSON.stringify(event);
    if (payload === undefined) return Promise.reject(new TypeError('event is not JSON'));
    const seq = this.nextSeq++;
    const line = Buffer.from(
      `{"seq":${seq},"crc":${crc32(Buffer.from(payload, 'utf8'))},"e":${payload}}\n`,
      'utf8',
    );
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ line, seq, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Waits for queued appends, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        if (this.broken !== null) {
          for (const item of batch) item.reject(this.broken);
          continue;
        }
        const data = Buffer.concat(batch.map((item) => item.line));
        try {
          await this.handle.appendFile(data);
          await this.handle.datasync();
          this.size += data.length;
          for (const item of batch) item.resolve(item.seq);
        } catch (error) {
          await this.undoPartialWrite(error);
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** A failed write may have left half a line; cut back so later lines stay readable. */
  private async undoPartialWrite(cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(this.size);
      await this.handle.datasync();
    } catch {
      this.broken = cause;
    }
  }
}

/** Splits journal bytes into valid records, issues, and the length of the valid prefix. */
export function scanJournal(
  bytes: Buffer,
): JournalReplay & { validLength: number; maxSeq: number } {
  const records: JournalRecord[] = [];
  const issues: JournalIssue[] = [];
  const bad: number[] = [];
  let validLength = 0;
  let maxSeq = 0;
  let start = 0;
  let lineNo = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  while (start < bytes.length) {
    lineNo++;
    const nl = bytes.indexOf(NEWLINE, start);
    if (nl === -1) {
      bad.push(lineNo);
      break; // a line without its newline is a torn final write
    }
    const record = parseLine(bytes.subarray(start, nl), decoder);
    start = nl + 1;
    if (record === null) {
      bad.push(lineNo);
      continue;
    }
    // Bad lines followed by a good one sit in the middle: keep them, report them.
    for (const line of bad) {
      issues.push({
        kind: 'corruptLine',
        line,
        message: msg('ledger:issues.corruptLine', { line }),
      });
    }
    bad.length = 0;
    validLength = start;
    if (record.seq <= maxSeq) {
      issues.push({
        kind: 'duplicateSeq',
        line: lineNo,
        message: msg('ledger:issues.duplicateSeq', { line: lineNo, seq: record.seq }),
      });
      continue;
    }
    maxSeq = record.seq;
    records.push(record);
  }
  if (bad.length > 0) {
    const line = bad[0]!;
    issues.push({ kind: 'tornTail', line, message: msg('ledger:issues.tornTail', { line }) });
  }
  return { records, issues, validLength, maxSeq };
}

function parseLine(raw: Uint8Array, decoder: TextDecoder): JournalRecord | null {
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    return null;
  }
  const match = LINE_RE.exec(text);
  if (!match) return null;
  const payload = match[3]!;
  if (crc32(Buffer.from(payload, 'utf8')) !== Number(match[2])) return null;
  try {
    return { seq: Number(match[1]), event: JSON.parse(payload) as unknown };
  } catch {
    return null;
  }
}
