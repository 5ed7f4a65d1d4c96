import { readFile } from 'node:fs/promises';
import { getAddress } from 'ethers';
import { z } from 'zod';
import { settlementError } from './errors.js';
import { settlementPaths } from './paths.js';

/**
 * `<dataDir>/network/chain.json`: where the network's chain and contracts are. Written by
 * whoever configures the network (the local network writes it at start); read by
 * `lumbung verify` and settlement.
 */
const Address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .transform((a) => getAddress(a.toLowerCase()));

export const ChainConfigSchema = z.object({
  rpcUrl: z.url({ protocol: /^(https?|wss?)$/ }),
  chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  vault: Address,
  token: Address,
  staking: Address,
});
export type ChainConfig = z.infer<typeof ChainConfigSchema>;

export function chainConfigPath(dataDir: string): string {
  return settlementPaths(dataDir).chainConfig;
}

/** The config, or null when the file does not exist; a broken file is an error that says so. */
export async function readChainConfig(dataDir: string): Promise<ChainConfig | null> {
  const path = chainConfigPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw settlementError('chainConfigUnreadable', 'chainConfig.unreadable', { path });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw settlementError('chainConfigUnreadable', 'chainConfig.unreadable', { path });
  }
  const parsed = ChainConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw settlementError('chainConfigInvalid', 'chainConfig.invalid', { path, field });
  }
  return parsed.data;
}
