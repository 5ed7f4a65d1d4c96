import { splitLines, textOrNull } from './values.js';

export interface NvidiaSmiVersion {
  smiVersion: string | null;
  nvmlVersion: string | null;
  driverVersion: string | null;
  cudaVersion: string | null;
}

/** Driver 610 answers `DRIVER version : Deprecated, see "KMD version" instead`. */
function usable(raw: string | undefined): string | null {
  const value = textOrNull(raw);
  return value === null || /^deprecated/i.test(value) ? null : value;
}

/** Parses `nvidia-smi --version` ("NVIDIA-SMI version  : 595.71.05" lines). */
export function parseNvidiaSmiVersion(text: string): NvidiaSmiVersion {
  const entries = new Map<string, string>();
  for (const line of splitLines(text)) {
    const match = /^\s*([A-Za-z][A-Za-z -]*?)\s*:\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined)
      entries.set(match[1].toLowerCase(), match[2].trim());
  }
  const result = {
    smiVersion: usable(entries.get('nvidia-smi version')),
    nvmlVersion: usable(entries.get('nvml version')),
    driverVersion: usable(entries.get('driver version')) ?? usable(entries.get('kmd version')),
    cudaVersion: usable(entries.get('cuda version')) ?? usable(entries.get('cuda umd version')),
  };
  if (result.smiVersion === null && result.driverVersion === null) {
    throw new Error('not nvidia-smi --version output: no "NVIDIA-SMI version" line');
  }
  return result;
}
