import { integerOrNull, numberOrNull, splitLines } from './values.js';

export interface PmonRow {
  gpu: number;
  pid: number;
  /** `C`, `G`, `C+G` as nvidia-smi prints it. */
  type: string;
  smPct: number | null;
  memPct: number | null;
  /** Truncated by nvidia-smi to 16 characters; may contain spaces. */
  command: string;
}

const DEFAULT_COLUMNS = ['gpu', 'pid', 'type', 'sm', 'mem', 'enc', 'dec', 'jpg', 'ofa', 'command'];

/**
 * Parses `nvidia-smi pmon -c N`. The header names the columns (older drivers lack
 * `jpg`/`ofa`), every column but the last is one token, and the command is the rest of
 * the line. Rows with `-` as pid are GPUs with no process.
 */
export function parseNvidiaSmiPmon(text: string): PmonRow[] {
  let columns = DEFAULT_COLUMNS;
  const rows: PmonRow[] = [];
  for (const line of splitLines(text)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      const names = trimmed.slice(1).trim().split(/\s+/);
      if (names[0] === 'gpu' && names.includes('pid')) columns = names;
      continue;
    }
    const tokens = trimmed.split(/\s+/);
    const fixed = columns.length - 1;
    if (tokens.length < fixed) continue;
    const cell = (name: string): string | undefined => {
      const at = columns.indexOf(name);
      return at === -1 || at >= fixed ? undefined : tokens[at];
    };
    const gpu = integerOrNull(cell('gpu'));
    const pid = integerOrNull(cell('pid'));
    if (gpu === null || pid === null) continue;
    rows.push({
      gpu,
      pid,
      type: cell('type') ?? '-',
      smPct: numberOrNull(cell('sm')),
      memPct: numberOrNull(cell('mem')),
      command: tokens.slice(fixed).join(' '),
    });
  }
  return rows;
}

export function looksLikeNvidiaSmiPmon(text: string): boolean {
  return splitLines(text).some((line) => /^#\s*gpu\s+pid\s+type/.test(line.trim()));
}
