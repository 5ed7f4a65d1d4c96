import { splitLines } from './values.js';

export interface SessionSection {
  /** `capabilities`, `idle`, `load`… */
  phase: string;
  /** `version`, `list (-L)`, `query-gpu (csv, what the exporter parses)`… */
  name: string;
  command: string | null;
  body: string;
}

const RULE = /^#{20,}\s*$/;
const TITLE = /^# (\S+) :: (.+?)\s*$/;
const COMMAND = /^# \$ (.*?)\s*$/;

/**
 * Splits a whole recorded nvidia-smi session (one command after another, each under a
 * `#####` / `# phase :: name` / `# $ command` / `#####` banner) into its sections.
 */
export function splitSession(text: string): SessionSection[] {
  const lines = splitLines(text);
  const sections: SessionSection[] = [];
  let i = 0;
  while (i < lines.length) {
    const title = TITLE.exec(lines[i + 1] ?? '');
    if (!RULE.test(lines[i] ?? '') || title?.[1] === undefined || title[2] === undefined) {
      i += 1;
      continue;
    }
    let cursor = i + 2;
    const command = COMMAND.exec(lines[cursor] ?? '')?.[1] ?? null;
    if (command !== null) cursor += 1;
    if (!RULE.test(lines[cursor] ?? '')) {
      i += 1;
      continue;
    }
    cursor += 1;
    const bodyStart = cursor;
    while (
      cursor < lines.length &&
      !(RULE.test(lines[cursor] ?? '') && TITLE.test(lines[cursor + 1] ?? ''))
    )
      cursor += 1;
    sections.push({
      phase: title[1],
      name: title[2],
      command,
      body: lines.slice(bodyStart, cursor).join('\n'),
    });
    i = cursor;
  }
  return sections;
}

export function looksLikeSession(text: string): boolean {
  return splitSession(text).some((s) => s.command?.startsWith('nvidia-smi') === true);
}

/** The first section in `phase` (or any phase) whose command matches. */
export function findSection(
  sections: readonly SessionSection[],
  command: RegExp,
  phase?: string,
): SessionSection | undefined {
  return sections.find(
    (s) =>
      (phase === undefined || s.phase === phase) && s.command !== null && command.test(s.command),
  );
}
