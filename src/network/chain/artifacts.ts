import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Interface } from 'ethers';
import type { JsonFragment } from 'ethers';
import { z } from 'zod';
import { msg } from '../../api/message.js';
import { ChainError } from './chain-error.js';

export const CONTRACT_NAMES = ['RewardToken', 'PaymentVault', 'Staking'] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

/** What scripts/compile-contracts.js writes for each contract. */
const ArtifactFileSchema = z.object({
  contractName: z.string().min(1),
  abi: z.array(z.looseObject({ type: z.string() })),
  bytecode: z.string().regex(/^0x([0-9a-fA-F]{2})+$/),
});

export interface Artifact {
  contractName: string;
  abi: readonly JsonFragment[];
  bytecode: string;
  iface: Interface;
}

const BUILD_SUBPATH = join('src', 'network', 'contracts', 'build');

/**
 * The build folder sits next to the sources; from compiled output (dist/src/...) we walk
 * up to the repository root to find it, so both `tsx` and `node dist` runs work.
 */
export function findBuildDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, '..', 'contracts', 'build');
  if (existsSync(sibling)) return sibling;
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, BUILD_SUBPATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return sibling;
  }
}

const cache = new Map<string, Artifact>();

/** Reads and validates `<name>.json` from the build folder; throws a ChainError if absent or damaged. */
export function loadArtifact(name: ContractName, dir: string = findBuildDir()): Artifact {
  const file = join(dir, `${name}.json`);
  const cached = cache.get(file);
  if (cached !== undefined) return cached;

  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ChainError('artifactMissing', msg('chain:artifact.missing', { name }), { cause });
  }
  const invalid = (cause: unknown): ChainError =>
    new ChainError('artifactInvalid', msg('chain:artifact.invalid', { name }), { cause });

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw invalid(cause);
  }
  const parsed = ArtifactFileSchema.safeParse(json);
  if (!parsed.success || parsed.data.contractName !== name) throw invalid(parsed.error);
  // The zod check covers the shape we rely on; ethers checks each fragment in depth.
  const abi = parsed.data.abi as JsonFragment[];
  let iface: Interface;
  try {
    iface = new Interface(abi);
  } catch (cause) {
    throw invalid(cause);
  }
  const artifact: Artifact = { contractName: name, abi, bytecode: parsed.data.bytecode, iface };
  cache.set(file, artifact);
  return artifact;
}
