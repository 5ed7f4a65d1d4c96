import { splitLines } from './values.js';

export interface MigDeviceEntry {
  /** Profile such as `3g.40gb` or `1c.3g.71gb`. */
  profile: string;
  device: number;
  uuid: string;
}

export interface GpuListEntry {
  index: number;
  name: string;
  uuid: string | null;
  migDevices: MigDeviceEntry[];
}

const GPU_LINE = /^GPU (\d+): (.+?)(?: \(UUID: ([^)]+)\))?\s*$/;
const MIG_LINE = /^\s+MIG (\S+)\s+Device\s+(\d+): \(UUID: ([^)]+)\)\s*$/;

/** Parses `nvidia-smi -L`, including the indented MIG children under each GPU. */
export function parseNvidiaSmiList(text: string): GpuListEntry[] {
  const entries: GpuListEntry[] = [];
  for (const line of splitLines(text)) {
    const gpu = GPU_LINE.exec(line);
    if (gpu?.[1] !== undefined && gpu[2] !== undefined) {
      entries.push({
        index: Number(gpu[1]),
        name: gpu[2].trim(),
        uuid: gpu[3] ?? null,
        migDevices: [],
      });
      continue;
    }
    const mig = MIG_LINE.exec(line);
    const parent = entries.at(-1);
    if (
      mig?.[1] !== undefined &&
      mig[2] !== undefined &&
      mig[3] !== undefined &&
      parent !== undefined
    ) {
      parent.migDevices.push({ profile: mig[1], device: Number(mig[2]), uuid: mig[3] });
    }
  }
  return entries;
}

export function looksLikeNvidiaSmiList(text: string): boolean {
  return splitLines(text).some((line) => GPU_LINE.test(line) && line.includes('(UUID:'));
}
