import type { Gpu, GpuReport, ToolState } from '../api/gpu-schemas.js';
import { combineNvidia, type NvidiaParts } from './nvidia-combine.js';
import { looksLikeNvidiaFailure, nvidiaFailureProblem } from './nvidia-errors.js';
import { looksLikeNvidiaSmiList, parseNvidiaSmiList } from './nvidia-list.js';
import { parseNvidiaSmiPmon } from './nvidia-pmon.js';
import {
  gpuFromQueryRow,
  looksLikeQueryGpuHeader,
  parseQueryGpuCsv,
  parseQueryGpuCsvWithHeader,
  QUERY_GPU_FIELDS,
  QUERY_GPU_FIELDS_LEGACY,
  SYSTEMINFORMATION_QUERY_FIELDS,
} from './nvidia-query-csv.js';
import { parseNvidiaSmiVersion } from './nvidia-version.js';
import { looksLikeNvidiaSmiXml, parseNvidiaSmiXml } from './nvidia-xml.js';
import { looksLikeRocmSmiJson, parseRocmSmiJson } from './rocm-json.js';
import { findSection, looksLikeSession, splitSession } from './session-capture.js';
import { splitLines } from './values.js';
import { buildVerdict } from './verdict.js';

export const SUPPORTED_CAPTURE_FORMATS = [
  'nvidia-smi -q -x (XML, including ixsmi)',
  'nvidia-smi --query-gpu CSV with header (--format=csv)',
  `nvidia-smi --query-gpu CSV without header (--format=csv,noheader,nounits) for Lumbung's ${QUERY_GPU_FIELDS.length} fields or systeminformation's ${SYSTEMINFORMATION_QUERY_FIELDS.length}`,
  'nvidia-smi -L',
  'a whole recorded nvidia-smi session',
  'rocm-smi --json',
  'an nvidia-smi failure message',
] as const;

const NOT_RUN: ToolState = { state: 'missing', version: null, problem: null };
const OK: ToolState = { state: 'ok', version: null, problem: null };

type Tools = GpuReport['tools'];

function report(gpus: Gpu[], tools: Partial<Tools>, now: Date): GpuReport {
  const allTools: Tools = {
    systeminformation: NOT_RUN,
    nvidiaSmi: NOT_RUN,
    rocmSmi: NOT_RUN,
    ...tools,
  };
  return {
    detectedAt: now.toISOString(),
    source: 'capture',
    tools: allTools,
    gpus,
    verdict: buildVerdict({ gpus, tools: allTools }),
  };
}

function nvidiaReport(parts: NvidiaParts, now: Date): GpuReport {
  const version = parts.version?.smiVersion ?? null;
  return report(combineNvidia(parts), { nvidiaSmi: { ...OK, version } }, now);
}

function fromSession(text: string, now: Date): GpuReport {
  const sections = splitSession(text);
  const body = (command: RegExp, phase?: string): string | undefined =>
    findSection(sections, command, phase)?.body;
  const tryParse = <T>(raw: string | undefined, parse: (t: string) => T): T | null => {
    if (raw === undefined) return null;
    try {
      return parse(raw);
    } catch {
      return null;
    }
  };
  const queryCsv = body(/--query-gpu=/, 'idle') ?? body(/--query-gpu=/);
  const query = tryParse(queryCsv, (t) => parseQueryGpuCsvWithHeader(t).map(gpuFromQueryRow));
  if (query === null) {
    const problem = nvidiaFailureProblem(queryCsv ?? '', null);
    return report([], { nvidiaSmi: { state: 'error', version: null, problem } }, now);
  }
  return nvidiaReport(
    {
      query,
      version: tryParse(body(/--version/), parseNvidiaSmiVersion),
      list: tryParse(body(/ -L\b/), parseNvidiaSmiList),
      pmon: tryParse(body(/ pmon\b/, 'idle') ?? body(/ pmon\b/), parseNvidiaSmiPmon),
    },
    now,
  );
}

function fromHeaderlessCsv(text: string, now: Date): GpuReport | null {
  const first = splitLines(text).find((line) => line.trim() !== '');
  if (first === undefined) return null;
  const count = first.split(',').length;
  for (const fields of [
    QUERY_GPU_FIELDS,
    QUERY_GPU_FIELDS_LEGACY,
    SYSTEMINFORMATION_QUERY_FIELDS,
  ]) {
    if (fields.length !== count) continue;
    return nvidiaReport({ query: parseQueryGpuCsv(text, fields).map(gpuFromQueryRow) }, now);
  }
  return null;
}

/**
 * Builds a report from a saved tool output, so an owner (or a support person) can ask
 * "what would Lumbung say about this machine" without the machine. Recognises the
 * formats in SUPPORTED_CAPTURE_FORMATS and throws, naming them, for anything else.
 */
export function reportFromCapture(text: string, now: Date = new Date()): GpuReport {
  if (looksLikeNvidiaSmiXml(text)) {
    const xml = parseNvidiaSmiXml(text);
    if (xml.tool === 'ixsmi') return report(xml.gpus, {}, now);
    return report(combineNvidia({ xml }), { nvidiaSmi: OK }, now);
  }
  if (looksLikeSession(text)) return fromSession(text, now);
  if (looksLikeRocmSmiJson(text)) {
    const rocm = parseRocmSmiJson(text);
    return report(rocm.gpus, { rocmSmi: OK }, now);
  }
  const firstLine = splitLines(text).find((line) => line.trim() !== '') ?? '';
  if (looksLikeQueryGpuHeader(firstLine)) {
    return nvidiaReport({ query: parseQueryGpuCsvWithHeader(text).map(gpuFromQueryRow) }, now);
  }
  if (looksLikeNvidiaFailure(text)) {
    return report(
      [],
      { nvidiaSmi: { state: 'error', version: null, problem: nvidiaFailureProblem(text, null) } },
      now,
    );
  }
  if (looksLikeNvidiaSmiList(text)) return nvidiaReport({ query: listGpus(text) }, now);
  const csv = fromHeaderlessCsv(text, now);
  if (csv !== null) return csv;
  throw new Error(
    `Unrecognised GPU capture. Supported formats: ${SUPPORTED_CAPTURE_FORMATS.join('; ')}.`,
  );
}

function listGpus(text: string): Gpu[] {
  return parseNvidiaSmiList(text).map((entry) => ({
    index: entry.index,
    uuid: entry.uuid,
    vendor: 'nvidia',
    model: entry.name,
    vramMiB: null,
    vramUsedMiB: null,
    driverVersion: null,
    cudaVersion: null,
    computeCapability: null,
    power: { drawW: null, limitW: null, defaultLimitW: null, minLimitW: null, maxLimitW: null },
    temperatureC: null,
    utilizationPct: null,
    fanPct: null,
    mig: { enabled: entry.migDevices.length > 0, instances: entry.migDevices.length },
    processes: [],
    busId: null,
    isIntegrated: false,
  }));
}
