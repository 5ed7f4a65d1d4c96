import type { Gpu, GpuProcess } from '../api/gpu-schemas.js';
import type { GpuListEntry } from './nvidia-list.js';
import type { PmonRow } from './nvidia-pmon.js';
import type { NvidiaSmiVersion } from './nvidia-version.js';
import type { NvidiaSmiXml } from './nvidia-xml.js';
import { processTypeOf } from './process-type.js';

export interface NvidiaParts {
  /** GPUs from `--query-gpu` (the numbers); when absent, the XML's GPUs are the base. */
  query?: Gpu[] | null;
  version?: NvidiaSmiVersion | null;
  list?: GpuListEntry[] | null;
  xml?: NvidiaSmiXml | null;
  pmon?: PmonRow[] | null;
}

function sameBus(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  // nvidia-smi writes an 8-digit PCI domain, other tools 4 digits.
  const norm = (id: string): string => id.toLowerCase().replace(/^0{4}(?=[0-9a-f]{4}:)/, '');
  return norm(a) === norm(b);
}

function matchByIdentity<T extends { index: number; uuid: string | null }>(
  gpu: Gpu,
  candidates: readonly T[],
  busOf: (candidate: T) => string | null,
): T | undefined {
  return (
    candidates.find((c) => sameBus(gpu.busId, busOf(c))) ??
    // Captures mask UUIDs to all zeros, so a UUID only identifies when it is unique.
    candidates.find(
      (c) =>
        c.uuid !== null &&
        c.uuid === gpu.uuid &&
        candidates.filter((o) => o.uuid === c.uuid).length === 1,
    ) ??
    candidates.find((c) => c.index === gpu.index)
  );
}

function processesFromPmon(rows: readonly PmonRow[], index: number): GpuProcess[] {
  const byPid = new Map<number, GpuProcess>();
  for (const row of rows) {
    if (row.gpu !== index || byPid.has(row.pid)) continue;
    byPid.set(row.pid, {
      pid: row.pid,
      name: row.command,
      usedMiB: null,
      type: processTypeOf(row.type),
    });
  }
  return [...byPid.values()];
}

/** Fills each GPU from the query with what only the other nvidia-smi outputs know. */
export function combineNvidia(parts: NvidiaParts): Gpu[] {
  const xmlGpus = parts.xml?.gpus ?? [];
  const base = parts.query ?? xmlGpus;
  return base.map((gpu) => {
    const fromXml = parts.query ? matchByIdentity(gpu, xmlGpus, (c) => c.busId) : gpu;
    const listed = parts.list?.find((entry) => entry.index === gpu.index);
    const migFromList = listed?.migDevices.length ?? 0;
    const instances = Math.max(fromXml?.mig.instances ?? 0, migFromList);
    // -q -x knows each process's memory; pmon only names them.
    const fromXmlProcesses = parts.xml ? (fromXml?.processes ?? []) : [];
    return {
      ...gpu,
      uuid: gpu.uuid ?? fromXml?.uuid ?? listed?.uuid ?? null,
      driverVersion:
        gpu.driverVersion ?? parts.version?.driverVersion ?? parts.xml?.driverVersion ?? null,
      cudaVersion: gpu.cudaVersion ?? parts.xml?.cudaVersion ?? parts.version?.cudaVersion ?? null,
      power: {
        drawW: gpu.power.drawW ?? fromXml?.power.drawW ?? null,
        limitW: gpu.power.limitW ?? fromXml?.power.limitW ?? null,
        defaultLimitW: gpu.power.defaultLimitW ?? fromXml?.power.defaultLimitW ?? null,
        minLimitW: gpu.power.minLimitW ?? fromXml?.power.minLimitW ?? null,
        maxLimitW: gpu.power.maxLimitW ?? fromXml?.power.maxLimitW ?? null,
      },
      mig: {
        enabled: gpu.mig.enabled || (fromXml?.mig.enabled ?? false) || migFromList > 0,
        instances,
      },
      processes:
        fromXmlProcesses.length > 0
          ? fromXmlProcesses
          : processesFromPmon(parts.pmon ?? [], gpu.index),
    };
  });
}
