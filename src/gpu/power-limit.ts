import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { msg, type Message } from '../api/message.js';
import { writeJsonAtomic } from './atomic-json.js';
import { nvidiaFailureProblem } from './nvidia-errors.js';
import { parseQueryGpuCsv, queryGpuArgs } from './nvidia-query-csv.js';
import { runTool, type ToolRun } from './run-tool.js';
import { numberOrNull, textOrNull } from './values.js';

/** The limits each card had before Lumbung changed them, keyed by nvidia-smi index. */
export const PowerLimitStateSchema = z.object({
  version: z.literal(1),
  gpus: z.record(
    z.string().regex(/^\d+$/),
    z.object({ uuid: z.string().nullable(), originalW: z.number().positive() }),
  ),
});
export type PowerLimitState = z.infer<typeof PowerLimitStateSchema>;

const ApplyOptionsSchema = z.object({
  nvidiaSmi: z.string().min(1).default('nvidia-smi'),
  index: z.number().int().nonnegative(),
  watts: z.number().finite().positive(),
  stateFile: z.string().min(1),
  timeoutMs: z.number().int().positive().default(15_000),
});
export type ApplyPowerLimitOptions = z.input<typeof ApplyOptionsSchema>;

export type PowerLimitResult =
  | { applied: true; index: number; watts: number; originalW: number }
  | { applied: false; reason: Message };

const LIMIT_FIELDS = ['uuid', 'power.limit', 'power.min_limit', 'power.max_limit'] as const;

async function readState(stateFile: string): Promise<PowerLimitState> {
  let text: string;
  try {
    text = await readFile(stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, gpus: {} };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`power limit state file ${stateFile} is not valid JSON; left unchanged`);
  }
  const parsed = PowerLimitStateSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`power limit state file ${stateFile} has an unexpected shape; left unchanged`);
  return parsed.data;
}

function without(state: PowerLimitState, key: string): PowerLimitState {
  return {
    version: 1,
    gpus: Object.fromEntries(Object.entries(state.gpus).filter(([k]) => k !== key)),
  };
}

async function writeState(stateFile: string, state: PowerLimitState): Promise<void> {
  if (Object.keys(state.gpus).length === 0) await rm(stateFile, { force: true });
  else await writeJsonAtomic(stateFile, state);
}

function failure(run: Exclude<ToolRun, { kind: 'ok' }>): Message {
  if (run.kind === 'missing') return msg('gpu:problem.toolMissing', { tool: 'nvidia-smi' });
  if (run.kind === 'timeout') return msg('gpu:problem.nvidia.timeout');
  const problem = nvidiaFailureProblem(run.output, run.exitCode);
  return problem.key === 'gpu:problem.nvidia.permission'
    ? msg('gpu:powerLimit.permission')
    : problem;
}

/**
 * Sets a card's power limit with `nvidia-smi -i N -pl W`. The card's own limit is saved
 * first (atomically), so `restorePowerLimits` can put it back even after a crash. Tool
 * failures, including the usual "Insufficient Permissions" for non-root users, come
 * back as `{ applied: false, reason }`; the caller then caps power by duty-cycling.
 */
export async function applyPowerLimit(options: ApplyPowerLimitOptions): Promise<PowerLimitResult> {
  const { nvidiaSmi, index, stateFile, timeoutMs } = ApplyOptionsSchema.parse(options);
  const watts = Math.round(options.watts);
  const query = await runTool(nvidiaSmi, ['-i', String(index), ...queryGpuArgs(LIMIT_FIELDS)], {
    timeoutMs,
  });
  if (query.kind !== 'ok') return { applied: false, reason: failure(query) };
  let row;
  try {
    row = parseQueryGpuCsv(query.stdout, LIMIT_FIELDS)[0];
  } catch {
    row = undefined;
  }
  const currentW = numberOrNull(row?.['power.limit']);
  if (row === undefined || currentW === null)
    return { applied: false, reason: msg('gpu:powerLimit.notSupported') };
  const minW = numberOrNull(row['power.min_limit']);
  const maxW = numberOrNull(row['power.max_limit']);
  if ((minW !== null && watts < minW) || (maxW !== null && watts > maxW)) {
    return {
      applied: false,
      reason: msg('gpu:powerLimit.outOfRange', { watts, minW: minW ?? 0, maxW: maxW ?? 0 }),
    };
  }

  let state = await readState(stateFile);
  const key = String(index);
  // An entry already there holds the card's own limit from before our first change.
  const recordedHere = state.gpus[key] === undefined;
  const originalW = state.gpus[key]?.originalW ?? currentW;
  if (recordedHere) {
    state.gpus[key] = { uuid: textOrNull(row['uuid']), originalW };
    await writeState(stateFile, state);
  }
  const set = await runTool(nvidiaSmi, ['-i', String(index), '-pl', String(watts)], { timeoutMs });
  if (set.kind !== 'ok') {
    if (recordedHere) {
      state = without(state, key);
      await writeState(stateFile, state);
    }
    return { applied: false, reason: failure(set) };
  }
  return { applied: true, index, watts, originalW };
}

export interface RestoreResult {
  index: number;
  originalW: number;
  restored: boolean;
  reason: Message | null;
}

/**
 * Puts back every limit recorded in the state file (call at start, after a crash, and
 * when sharing stops). Restored entries leave the file; failed ones stay for next time.
 */
export async function restorePowerLimits(
  stateFile: string,
  options: { nvidiaSmi?: string; timeoutMs?: number } = {},
): Promise<RestoreResult[]> {
  let state = await readState(stateFile);
  const results: RestoreResult[] = [];
  for (const [key, entry] of Object.entries(state.gpus)) {
    // Target by UUID when known: indexes can change when cards are added or removed.
    const target = entry.uuid ?? key;
    const run = await runTool(
      options.nvidiaSmi ?? 'nvidia-smi',
      ['-i', target, '-pl', String(entry.originalW)],
      {
        timeoutMs: options.timeoutMs ?? 15_000,
      },
    );
    const restored = run.kind === 'ok';
    if (restored) state = without(state, key);
    results.push({
      index: Number(key),
      originalW: entry.originalW,
      restored,
      reason: run.kind === 'ok' ? null : failure(run),
    });
  }
  await writeState(stateFile, state);
  return results;
}
