import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AutoLockMinutesSchema } from '../api/wallet-schemas.js';
import { WalletError } from './errors.js';
import { writeFileAtomic } from './atomic-file.js';

/**
 * The wallet's non-secret facts, beside the keystore: which kind it is, whether the
 * owner has proven a paper backup, the auto-lock setting. The keystore is written
 * first, so a crash between the two is recovered from the keystore alone.
 */

export const WALLET_STATE_FILE = 'wallet-state.json';
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export const PersistedWalletSchema = z.discriminatedUnion('kind', [
  z.object({
    version: z.literal(1),
    kind: z.literal('none'),
    autoLockMinutes: AutoLockMinutesSchema,
  }),
  z.object({
    version: z.literal(1),
    kind: z.literal('keystore'),
    address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
    backedUp: z.boolean(),
    autoLockMinutes: AutoLockMinutesSchema,
  }),
  z.object({
    version: z.literal(1),
    kind: z.literal('watchOnly'),
    address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
    autoLockMinutes: AutoLockMinutesSchema,
  }),
]);
export type PersistedWallet = z.infer<typeof PersistedWalletSchema>;

export async function readWalletState(path: string): Promise<PersistedWallet | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WalletError('wallet:keystore.unreadable');
  }
  try {
    const parsed = PersistedWalletSchema.safeParse(JSON.parse(text));
    // A damaged state file is rebuilt from the keystore; it holds nothing secret.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeWalletState(path: string, state: PersistedWallet): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state, null, 2));
}
