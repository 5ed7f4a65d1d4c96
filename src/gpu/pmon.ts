import type { PmonRow } from './nvidia-pmon.js';
import { parseNvidiaSmiPmon } from './nvidia-pmon.js';
import { runTool } from './run-tool.js';

/** Below this SM share a process is a desktop idling on the card, not the owner at work. */
export const FOREIGN_SM_THRESHOLD_PCT = 5;

export interface ForeignGpuProcess {
  gpu: number;
  pid: number;
  command: string;
  type: string;
  /** Highest SM % seen for this process across the samples. */
  smPct: number;
}

/**
 * The owner's own GPU use: processes that are not our containers' and that keep the
 * GPU's SMs busy above a small threshold (a game, a render, someone else's training).
 */
export function foreignGpuProcesses(
  rows: readonly PmonRow[],
  ourPids: ReadonlySet<number>,
  minSmPct: number = FOREIGN_SM_THRESHOLD_PCT,
): ForeignGpuProcess[] {
  const busiest = new Map<string, ForeignGpuProcess>();
  for (const row of rows) {
    if (ourPids.has(row.pid) || row.smPct === null || row.smPct < minSmPct) continue;
    const key = `${row.gpu}:${row.pid}`;
    const seen = busiest.get(key);
    if (seen === undefined || row.smPct > seen.smPct) {
      busiest.set(key, {
        gpu: row.gpu,
        pid: row.pid,
        command: row.command,
        type: row.type,
        smPct: row.smPct,
      });
    }
  }
  return [...busiest.values()];
}

/** One `nvidia-smi pmon -c 1` sample; null when nvidia-smi did not answer. */
export async function samplePmon(
  nvidiaSmi = 'nvidia-smi',
  timeoutMs = 10_000,
): Promise<PmonRow[] | null> {
  const run = await runTool(nvidiaSmi, ['pmon', '-c', '1'], { timeoutMs });
  return run.kind === 'ok' ? parseNvidiaSmiPmon(run.stdout) : null;
}
