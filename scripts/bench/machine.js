import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

/** What the figures were measured on: they mean little without it. */
export function describeMachine() {
  let cpuModel = 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: the model stays unknown.
  }
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpuModel,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}
