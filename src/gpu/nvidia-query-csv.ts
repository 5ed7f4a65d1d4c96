import type { Gpu } from '../api/gpu-schemas.js';
import { integerOrNull, numberOrNull, splitLines, textOrNull } from './values.js';

/** The fields Lumbung asks `nvidia-smi --query-gpu` for, in this order. */
export const QUERY_GPU_FIELDS = [
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'driver_version',
  'compute_cap',
  'memory.total',
  'memory.used',
  'power.draw',
  'power.limit',
  'power.default_limit',
  'power.min_limit',
  'power.max_limit',
  'temperature.gpu',
  'utilization.gpu',
  'fan.speed',
  'mig.mode.current',
  'driver_model.current',
] as const;

/** Drivers older than ~510 reject `compute_cap` (and so the whole query). */
export const QUERY_GPU_FIELDS_LEGACY: readonly string[] = QUERY_GPU_FIELDS.filter(
  (f) => f !== 'compute_cap',
);

/** The 16 fields systeminformation's `graphics()` queries, for reading its captures. */
export const SYSTEMINFORMATION_QUERY_FIELDS = [
  'driver_version',
  'pci.sub_device_id',
  'name',
  'pci.bus_id',
  'fan.speed',
  'memory.total',
  'memory.used',
  'memory.free',
  'utilization.gpu',
  'utilization.memory',
  'temperature.gpu',
  'temperature.memory',
  'power.draw',
  'power.limit',
  'clocks.gr',
  'clocks.mem',
] as const;

export function queryGpuArgs(fields: readonly string[] = QUERY_GPU_FIELDS): string[] {
  return [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits'];
}

/** One GPU's answer: field name → raw cell text (trimmed, units still possible). */
export type QueryGpuRow = Readonly<Record<string, string>>;

function cellsOf(line: string): string[] {
  return line.split(',').map((cell) => cell.trim());
}

/**
 * Parses `--format=csv,noheader,nounits` output for the given field list. Lines that do
 * not have one cell per field (per-GPU error lines such as "Unable to determine the
 * device handle…") are skipped; output with no usable line at all is an error.
 */
export function parseQueryGpuCsv(text: string, fields: readonly string[]): QueryGpuRow[] {
  const lines = splitLines(text).filter((line) => line.trim() !== '');
  const rows: QueryGpuRow[] = [];
  for (const line of lines) {
    const cells = cellsOf(line);
    if (cells.length !== fields.length) continue;
    rows.push(Object.fromEntries(fields.map((field, i) => [field, cells[i] ?? ''])));
  }
  if (rows.length === 0 && lines.length > 0) {
    throw new Error(`nvidia-smi query output has no line with ${fields.length} values`);
  }
  return rows;
}

const HEADER_UNIT = /\s*\[[^\]]*\]$/;

/** Parses `--format=csv` output (header with units such as "memory.total [MiB]"). */
export function parseQueryGpuCsvWithHeader(text: string): QueryGpuRow[] {
  const lines = splitLines(text).filter((line) => line.trim() !== '');
  const header = lines[0];
  if (header === undefined) throw new Error('nvidia-smi query output is empty');
  const fields = cellsOf(header).map((name) => name.replace(HEADER_UNIT, ''));
  return parseQueryGpuCsv(lines.slice(1).join('\n'), fields);
}

export function looksLikeQueryGpuHeader(line: string): boolean {
  const fields = cellsOf(line).map((name) => name.replace(HEADER_UNIT, ''));
  return (
    fields.includes('name') &&
    fields.some((f) => f === 'memory.total' || f === 'uuid' || f === 'pci.bus_id')
  );
}

/** `WDDM`, `TCC`, `MCDM` on Windows; null on Linux. */
export function driverModelOf(row: QueryGpuRow): string | null {
  return textOrNull(row['driver_model.current']);
}

export function gpuFromQueryRow(row: QueryGpuRow, position: number): Gpu {
  const migMode = textOrNull(row['mig.mode.current']);
  return {
    index: integerOrNull(row['index']) ?? position,
    uuid: textOrNull(row['uuid']),
    vendor: 'nvidia',
    model: textOrNull(row['name']) ?? 'NVIDIA GPU',
    vramMiB: numberOrNull(row['memory.total']),
    vramUsedMiB: numberOrNull(row['memory.used']),
    driverVersion: textOrNull(row['driver_version']),
    cudaVersion: null,
    computeCapability: textOrNull(row['compute_cap']),
    power: {
      drawW: numberOrNull(row['power.draw']) ?? numberOrNull(row['power.draw.instant']),
      limitW: numberOrNull(row['power.limit']) ?? numberOrNull(row['enforced.power.limit']),
      defaultLimitW: numberOrNull(row['power.default_limit']),
      minLimitW: numberOrNull(row['power.min_limit']),
      maxLimitW: numberOrNull(row['power.max_limit']),
    },
    temperatureC: numberOrNull(row['temperature.gpu']),
    utilizationPct: numberOrNull(row['utilization.gpu']),
    fanPct: numberOrNull(row['fan.speed']),
    mig: { enabled: migMode?.toLowerCase() === 'enabled', instances: 0 },
    processes: [],
    busId: textOrNull(row['pci.bus_id']),
    isIntegrated: false,
  };
}
