import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * Where secrets come from on the command line: a terminal prompt that does not echo, or a
 * file the owner points at. Never argv: every user on the machine can read a process's
 * arguments.
 */

export class SecretInputError extends Error {
  constructor(
    readonly code: 'noTty' | 'unreadable' | 'empty' | 'cancelled',
    readonly file?: string,
  ) {
    super(`secret input: ${code}`);
    this.name = 'SecretInputError';
  }
}

export interface PromptStreams {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

const defaultStreams = (): PromptStreams => ({ input: process.stdin, output: process.stderr });

/** True when a person can be asked at a keyboard. */
export function canPrompt(streams: PromptStreams = defaultStreams()): boolean {
  return streams.input.isTTY === true;
}

/**
 * Reads one line from the terminal without showing it. Raw mode lets us see each key, so
 * nothing is echoed; Ctrl+C and Ctrl+D cancel.
 */
export function promptHidden(
  question: string,
  streams: PromptStreams = defaultStreams(),
): Promise<string> {
  const { input, output } = streams;
  if (!canPrompt(streams)) return Promise.reject(new SecretInputError('noTty'));
  return new Promise((resolve, reject) => {
    let typed = '';
    const wasRaw = input.isRaw;
    const finish = (error: SecretInputError | null): void => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004')
          return finish(new SecretInputError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    output.write(question);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** Reads one line from the terminal, shown as typed (for recovery words checked one at a time). */
export async function promptLine(
  question: string,
  streams: PromptStreams = defaultStreams(),
): Promise<string> {
  if (!canPrompt(streams)) throw new SecretInputError('noTty');
  const rl = createInterface({ input: streams.input, output: streams.output, terminal: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('SIGINT', () => reject(new SecretInputError('cancelled')));
      rl.once('close', () => reject(new SecretInputError('cancelled')));
      rl.question(question, resolve);
    });
  } finally {
    rl.removeAllListeners('close');
    rl.close();
  }
}

/**
 * A secret kept in a file: its first line, without the line ending. Other whitespace is
 * kept, because a password may start or end with a space.
 */
export async function readSecretFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SecretInputError('unreadable', file);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.length === 0) throw new SecretInputError('empty', file);
  return firstLine;
}

/** The whole file, trimmed: for phrases and keys, where surrounding whitespace means nothing. */
export async function readTextFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SecretInputError('unreadable', file);
  }
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new SecretInputError('empty', file);
  return trimmed;
}
