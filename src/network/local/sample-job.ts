import { createHash } from 'node:crypto';
import type { OutputFile } from '../../api/protocol-schemas.js';

/**
 * The local network's sample job: real, checkable compute. The container hashes a seed
 * `rounds` times with sha256 (each round hashes the previous round's lowercase hex) and
 * writes the final hex to /out/result.txt. The coordinator recomputes the chain here
 * and pays only when the two agree.
 */
export const SAMPLE_RESULT_FILE = 'result.txt';

export const SAMPLE_JOB_SCRIPT = [
  'h="$SEED"',
  'i=0',
  'while [ "$i" -lt "$ROUNDS" ]; do h=$(printf "%s" "$h" | sha256sum); h=${h%% *}; i=$((i+1)); done',
  'printf "%s" "$h" > /out/result.txt',
].join('\n');

export function sampleJobCommand(): string[] {
  return ['/bin/sh', '-c', SAMPLE_JOB_SCRIPT];
}

export function sampleJobEnv(seed: string, rounds: number): Record<string, string> {
  return { SEED: seed, ROUNDS: String(rounds) };
}

export function hashChain(seed: string, rounds: number): string {
  let h = seed;
  for (let i = 0; i < rounds; i += 1) h = createHash('sha256').update(h, 'utf8').digest('hex');
  return h;
}

/** True when the job's inline outputs hold the right final hash. */
export function verifySampleOutputs(
  outputs: readonly OutputFile[],
  seed: string,
  rounds: number,
): boolean {
  const file = outputs.find((o) => o.path === SAMPLE_RESULT_FILE);
  if (!file) return false;
  const text = Buffer.from(file.base64, 'base64').toString('utf8').trim();
  return text === hashChain(seed, rounds);
}
