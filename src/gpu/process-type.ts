import type { GpuProcessType } from '../api/gpu-schemas.js';

/**
 * nvidia-smi marks processes C (compute), G (graphics) or C+G. Under Windows WDDM every
 * desktop program (dwm.exe, explorer.exe…) shows as C+G, so C+G is read as graphics:
 * the owner's own desktop, not a compute job.
 */
export function processTypeOf(raw: string | undefined | null): GpuProcessType {
  const value = raw?.trim().toUpperCase();
  if (value === 'C') return 'compute';
  if (value === 'G' || value === 'C+G') return 'graphics';
  return 'unknown';
}
