/**
 * Keeps the last `capBytes` of a job's output. A stranger's program may print
 * gigabytes or terminal escape codes; the owner's disk and screen get neither.
 */
export class LogTail {
  private chunks: Buffer[] = [];
  private size = 0;
  droppedBytes = 0;

  constructor(private readonly capBytes: number) {}

  append(chunk: Buffer): void {
    const piece =
      chunk.length > this.capBytes ? chunk.subarray(chunk.length - this.capBytes) : chunk;
    this.droppedBytes += chunk.length - piece.length;
    this.chunks.push(Buffer.from(piece));
    this.size += piece.length;
    while (this.size > this.capBytes) {
      const first = this.chunks[0]!;
      const excess = this.size - this.capBytes;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.droppedBytes += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.droppedBytes += excess;
      }
    }
  }

  /** UTF-8 text with control characters (other than newline and tab) removed. */
  text(): string {
    return sanitizeLog(Buffer.concat(this.chunks).toString('utf8'));
  }
}

export function sanitizeLog(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
