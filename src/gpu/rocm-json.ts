import { z } from 'zod';
import type { Gpu, GpuProcess } from '../api/gpu-schemas.js';
import { numberOrNull, textOrNull } from './values.js';

const Card = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));
const RocmJson = z.record(z.string(), Card);

export interface RocmSmiJson {
  driverVersion: string | null;
  gpus: Gpu[];
}

const MIB = 1024 * 1024;

function bytesToMiB(raw: string | undefined): number | null {
  const bytes = numberOrNull(raw);
  return bytes === null ? null : Math.round(bytes / MIB);
}

/** The first key that is present and not N/A; rocm-smi renamed keys across releases. */
function pick(card: Record<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = textOrNull(card[key]);
    if (value !== null) return value;
  }
  return null;
}

/** Card series may be a bare PCI id (`0x1002`) on old ROCm; that is no model name. */
function modelOf(card: Record<string, string>): string {
  const name = pick(card, 'Card Series', 'Card series', 'Device Name');
  if (name !== null && !/^0x[0-9a-f]+$/i.test(name)) return name;
  const id = pick(card, 'Device ID', 'GPU ID');
  return id === null ? 'AMD GPU' : `AMD GPU ${id}`;
}

/**
 * `system` lists compute processes as `"PID123": "name, gpus, vramBytes, sdma, cu"`
 * without saying which card they run on, so each is reported on every card: for
 * "is someone else using the GPU" a false yes is safer than a false no.
 */
function processesOf(system: Record<string, string> | undefined): GpuProcess[] {
  const result: GpuProcess[] = [];
  for (const [key, value] of Object.entries(system ?? {})) {
    const pid = /^PID(\d+)$/.exec(key)?.[1];
    if (pid === undefined) continue;
    const [name, , vram] = value.split(',').map((part) => part.trim());
    result.push({ pid: Number(pid), name: name ?? '', usedMiB: bytesToMiB(vram), type: 'compute' });
  }
  return result;
}

function gpuOf(
  card: Record<string, string>,
  index: number,
  driver: string | null,
  processes: GpuProcess[],
): Gpu {
  return {
    index,
    uuid: pick(card, 'Unique ID', 'GUID'),
    vendor: 'amd',
    model: modelOf(card),
    vramMiB: bytesToMiB(card['VRAM Total Memory (B)']),
    vramUsedMiB: bytesToMiB(card['VRAM Total Used Memory (B)']),
    driverVersion: driver,
    cudaVersion: null,
    computeCapability: pick(card, 'GFX Version'),
    power: {
      drawW: numberOrNull(
        pick(
          card,
          'Average Graphics Package Power (W)',
          'Current Socket Graphics Package Power (W)',
        ),
      ),
      limitW: numberOrNull(card['Max Graphics Package Power (W)']),
      defaultLimitW: null,
      minLimitW: null,
      maxLimitW: null,
    },
    temperatureC: numberOrNull(
      pick(card, 'Temperature (Sensor edge) (C)', 'Temperature (Sensor junction) (C)'),
    ),
    utilizationPct: numberOrNull(card['GPU use (%)']),
    fanPct: numberOrNull(card['Fan speed (%)']),
    mig: { enabled: false, instances: 0 },
    processes: processes.map((p) => ({ ...p })),
    busId: pick(card, 'PCI Bus'),
    isIntegrated: false,
  };
}

/** Parses `rocm-smi --showallinfo --json`-style output: `card0..N` plus `system`. */
export function parseRocmSmiJson(text: string): RocmSmiJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('not rocm-smi JSON: the text is not JSON');
  }
  const parsed = RocmJson.safeParse(raw);
  if (!parsed.success) throw new Error('not rocm-smi JSON: expected card0…N objects of strings');
  const cards = Object.entries(parsed.data)
    .map(([key, card]) => ({ number: /^card(\d+)$/.exec(key)?.[1], card }))
    .filter(
      (entry): entry is { number: string; card: Record<string, string> } =>
        entry.number !== undefined,
    )
    .sort((a, b) => Number(a.number) - Number(b.number));
  if (cards.length === 0 && parsed.data['system'] === undefined) {
    throw new Error('not rocm-smi JSON: no card0 or system entry');
  }
  const system = parsed.data['system'];
  const driverVersion = textOrNull(system?.['Driver version']);
  const processes = processesOf(system);
  return {
    driverVersion,
    gpus: cards.map(({ number, card }) => gpuOf(card, Number(number), driverVersion, processes)),
  };
}

export function looksLikeRocmSmiJson(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') && /"card\d+"\s*:|"system"\s*:/.test(trimmed);
}
