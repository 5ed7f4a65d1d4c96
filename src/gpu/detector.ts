import type { Gpu, GpuReport, ToolState } from '../api/gpu-schemas.js';
import { msg } from '../api/message.js';
import { mergeInventory } from './merge.js';
import { combineNvidia } from './nvidia-combine.js';
import { nvidiaFailureProblem } from './nvidia-errors.js';
import { parseNvidiaSmiList } from './nvidia-list.js';
import {
  gpuFromQueryRow,
  parseQueryGpuCsv,
  QUERY_GPU_FIELDS,
  QUERY_GPU_FIELDS_LEGACY,
  queryGpuArgs,
} from './nvidia-query-csv.js';
import { parseNvidiaSmiVersion } from './nvidia-version.js';
import { parseNvidiaSmiXml } from './nvidia-xml.js';
import { parseRocmSmiJson } from './rocm-json.js';
import { runTool, type ToolRun } from './run-tool.js';
import { readSiInventory, type SiInventory, type SiInventoryOptions } from './si-inventory.js';
import { buildVerdict } from './verdict.js';

export interface DetectOptions {
  /** Paths of the vendor tools; by default they are looked up on PATH. */
  tools?: { nvidiaSmi?: string; rocmSmi?: string };
  /** Deadline for each vendor tool call. */
  toolTimeoutMs?: number;
  /** systeminformation settings, or false to skip it (headless tests, captures). */
  systeminformation?: SiInventoryOptions | false;
  now?: () => Date;
}

export const DEFAULT_TOOL_TIMEOUT_MS = 10_000;
export const ROCM_SMI_ARGS = ['--showallinfo', '--showmeminfo', 'vram', '--showpids', '--json'];

interface VendorResult {
  state: ToolState;
  gpus: Gpu[] | null;
}

const missing = (tool: string): VendorResult => ({
  state: { state: 'missing', version: null, problem: msg('gpu:problem.toolMissing', { tool }) },
  gpus: null,
});

function unusable(run: Exclude<ToolRun, { kind: 'ok' }>, tool: 'nvidia' | 'rocm'): VendorResult {
  if (run.kind === 'missing') return missing(tool === 'nvidia' ? 'nvidia-smi' : 'rocm-smi');
  if (run.kind === 'timeout') {
    return {
      state: { state: 'timeout', version: null, problem: msg(`gpu:problem.${tool}.timeout`) },
      gpus: null,
    };
  }
  const problem =
    tool === 'nvidia'
      ? nvidiaFailureProblem(run.output, run.exitCode)
      : msg('gpu:problem.rocm.failed', { code: run.exitCode ?? -1 });
  return { state: { state: 'error', version: null, problem }, gpus: null };
}

function parseOrNull<T>(run: ToolRun, parse: (text: string) => T): T | null {
  if (run.kind !== 'ok') return null;
  try {
    return parse(run.stdout);
  } catch {
    return null;
  }
}

async function readNvidia(file: string, timeoutMs: number): Promise<VendorResult> {
  let fields: readonly string[] = QUERY_GPU_FIELDS;
  let query = await runTool(file, queryGpuArgs(fields), { timeoutMs });
  if (query.kind === 'failed' && /not a valid field/i.test(query.output)) {
    fields = QUERY_GPU_FIELDS_LEGACY;
    query = await runTool(file, queryGpuArgs(fields), { timeoutMs });
  }
  if (query.kind !== 'ok') return unusable(query, 'nvidia');
  let gpus: Gpu[];
  try {
    gpus = parseQueryGpuCsv(query.stdout, fields).map(gpuFromQueryRow);
  } catch {
    return {
      state: { state: 'error', version: null, problem: msg('gpu:problem.nvidia.unreadable') },
      gpus: null,
    };
  }
  // The driver answered; the rest only adds detail, so their failures are tolerated.
  const [version, list, xml] = await Promise.all([
    runTool(file, ['--version'], { timeoutMs }),
    runTool(file, ['-L'], { timeoutMs }),
    runTool(file, ['-q', '-x'], { timeoutMs }),
  ]);
  const parsedVersion = parseOrNull(version, parseNvidiaSmiVersion);
  const combined = combineNvidia({
    query: gpus,
    version: parsedVersion,
    list: parseOrNull(list, parseNvidiaSmiList),
    xml: parseOrNull(xml, parseNvidiaSmiXml),
  });
  return {
    state: { state: 'ok', version: parsedVersion?.smiVersion ?? null, problem: null },
    gpus: combined,
  };
}

async function readRocm(file: string, timeoutMs: number): Promise<VendorResult> {
  const run = await runTool(file, ROCM_SMI_ARGS, { timeoutMs });
  if (run.kind !== 'ok') return unusable(run, 'rocm');
  try {
    const parsed = parseRocmSmiJson(run.stdout);
    return {
      state: { state: 'ok', version: parsed.driverVersion, problem: null },
      gpus: parsed.gpus,
    };
  } catch {
    return {
      state: { state: 'error', version: null, problem: msg('gpu:problem.rocm.unreadable') },
      gpus: null,
    };
  }
}

function siToolState(si: SiInventory | null): ToolState {
  if (si === null) return { state: 'missing', version: null, problem: null };
  if (si.state === 'ok') return { state: 'ok', version: si.version, problem: null };
  return { state: si.state, version: null, problem: si.problem };
}

/**
 * Finds the computer's GPUs: systeminformation (in a worker, with a deadline) for the
 * inventory of every vendor, nvidia-smi and rocm-smi for what only they know. Never
 * throws: missing tools, broken drivers and hangs become tool states and a verdict.
 */
export async function detectGpus(options: DetectOptions = {}): Promise<GpuReport> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const siOptions = options.systeminformation;
  const [si, nvidia, rocm] = await Promise.all([
    siOptions === false ? Promise.resolve(null) : readSiInventory(siOptions ?? {}),
    readNvidia(options.tools?.nvidiaSmi ?? 'nvidia-smi', timeoutMs),
    readRocm(options.tools?.rocmSmi ?? 'rocm-smi', timeoutMs),
  ]);
  const controllers = si?.state === 'ok' ? si.controllers : [];
  const merged = mergeInventory(controllers, { nvidia: nvidia.gpus, amd: rocm.gpus });
  const tools: GpuReport['tools'] = {
    systeminformation: siToolState(si),
    nvidiaSmi: nvidia.state,
    rocmSmi: rocm.state,
  };
  return {
    detectedAt: now().toISOString(),
    source: 'live',
    tools,
    gpus: merged.gpus,
    verdict: buildVerdict({
      gpus: merged.gpus,
      tools,
      ignoredDisplayAdapters: merged.ignoredDisplayAdapters,
    }),
  };
}

export interface GpuDetector {
  /** The last report, detecting once on first use. */
  report(): Promise<GpuReport>;
  /** Detects again (sharing a run already in flight) and caches the result. */
  refresh(): Promise<GpuReport>;
}

/** Detection spawns tools and a worker: do it once, and again only when asked. */
export function createGpuDetector(options: DetectOptions = {}): GpuDetector {
  let last: GpuReport | null = null;
  let inFlight: Promise<GpuReport> | null = null;
  const refresh = (): Promise<GpuReport> => {
    inFlight ??= detectGpus(options)
      .then((report) => {
        last = report;
        return report;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  return {
    report: () => (last !== null ? Promise.resolve(last) : refresh()),
    refresh,
  };
}
