import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CapabilitiesSchema,
  OfferFrameSchema,
  VoucherFrameSchema,
} from '../../api/protocol-schemas.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';

/**
 * Everything the local coordinator must remember across a restart: who registered,
 * which jobs went where, what was credited, the last voucher per node. Written
 * atomically before any acknowledgement leaves, so a crash between "recorded" and
 * "told the node" just makes the node re-send, and the re-send is recognised.
 */
const NodeRecordSchema = z.object({
  nodeId: z.string(),
  deviceAddress: z.string(),
  payoutAddress: z.string(),
  token: z.string(),
  capabilities: CapabilitiesSchema,
  cumulative: z.string(),
  voucherNonce: z.number().int().min(0),
  lastVoucher: VoucherFrameSchema.nullable(),
  missedHeartbeats: z.number().int().min(0),
  committedSeconds: z.number().min(0),
  slashes: z.array(z.object({ amount: z.string(), reason: z.string(), at: z.string() })),
});
export type NodeRecord = z.infer<typeof NodeRecordSchema>;

export const JobStateSchema = z.enum([
  'offered',
  'accepted',
  'declined',
  'credited',
  'rejected',
  'failed',
]);

const JobRecordSchema = z.object({
  node: z.string(),
  seed: z.string(),
  rounds: z.number().int().min(0),
  offer: OfferFrameSchema,
  state: JobStateSchema,
  /** Base units credited (0 when rejected); set once, never changed. */
  amount: z.string().nullable(),
  createdAt: z.string(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const CoordinatorStateSchema = z.object({
  version: z.literal(1),
  /** Only for the throwaway payer used when no chain is configured. */
  throwawayPayerKey: z.string().nullable(),
  nodes: z.record(z.string(), NodeRecordSchema),
  jobs: z.record(z.string(), JobRecordSchema),
  jobCounter: z.number().int().min(0),
});
export type CoordinatorState = z.infer<typeof CoordinatorStateSchema>;

export function stateFile(dataDir: string): string {
  return join(dataDir, 'coordinator.json');
}

export async function loadState(dataDir: string): Promise<CoordinatorState | null> {
  let text: string;
  try {
    text = await readFile(stateFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return CoordinatorStateSchema.parse(JSON.parse(text));
}

export async function saveState(dataDir: string, state: CoordinatorState): Promise<void> {
  await writeFileAtomic(stateFile(dataDir), JSON.stringify(state), { mode: 0o600 });
}
