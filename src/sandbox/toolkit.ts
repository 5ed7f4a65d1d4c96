/**
 * NVIDIA Container Toolkit versions before 1.17.8 let a container escape through the
 * GPU hooks (CVE-2024-0132, fixed in 1.16.2; CVE-2025-23266, fixed in 1.17.8).
 */
export const MIN_SAFE_TOOLKIT = '1.17.8';

/** Finds `x.y.z` in the output of `nvidia-container-cli --version`, `nvidia-ctk --version` or the runtime's `--version`. */
export function parseToolkitVersion(output: string): string | null {
  const line = output.split('\n').find((l) => /version/i.test(l) && /\d+\.\d+\.\d+/.test(l));
  return /(\d+\.\d+\.\d+)/.exec(line ?? '')?.[1] ?? null;
}

function parts(version: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Unknown or unparsable versions count as unsafe: we cannot vouch for them. */
export function isToolkitSafe(version: string | null): boolean {
  const have = version === null ? null : parts(version);
  const need = parts(MIN_SAFE_TOOLKIT)!;
  if (!have) return false;
  for (let i = 0; i < 3; i++) {
    if (have[i]! !== need[i]!) return have[i]! > need[i]!;
  }
  return true;
}
