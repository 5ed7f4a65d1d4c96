import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getAddress } from 'ethers';
import { z } from 'zod';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { VoucherFrameSchema } from '../api/protocol-schemas.js';
import { recoverVoucherSigner } from '../network/chain/voucher.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { settlementError } from './errors.js';
import {
  ClaimEntrySchema,
  PendingClaimSchema,
  StoredVoucherSchema,
  domainOf,
  scopeOf,
  toChainVoucher,
} from './stored-voucher.js';
import type { ClaimEntry, PendingClaim, StoredVoucher, VoucherScope } from './stored-voucher.js';

export { attachToLedger } from './attach-voucher.js';

/**
 * The vouchers this node holds, durable across crashes. Vouchers are cumulative, so only
 * the newest per (chain, vault, payer) is needed to claim; every accepted one is also
 * archived, because a month proof must show the exact voucher each job was paid under.
 * The same file holds claims in flight and confirmed claims, so a claim and its outcome
 * are never split across files that a crash could leave out of step.
 */

const StoreFileSchema = z.object({
  version: z.literal(1),
  latest: z.array(StoredVoucherSchema),
  archive: z.array(StoredVoucherSchema),
  pending: z.array(PendingClaimSchema),
  claims: z.array(ClaimEntrySchema),
});
type StoreFile = z.infer<typeof StoreFileSchema>;

const PRIVATE_MODE = 0o600;

/** Who may pay this node, as the network's registration said. */
export interface VoucherExpectation {
  payer: string;
  chainId: number;
  vault: string;
  /** When given, a voucher for another node or payout address is refused. */
  node?: string;
  payout?: string;
}

export type AcceptResult =
  | { status: 'stored'; voucher: StoredVoucher }
  /** Not newer than the one kept (a repeat or an older voucher): nothing changed. */
  | { status: 'ignored'; reason: Message; voucher: StoredVoucher }
  | { status: 'rejected'; reason: Message };

export interface VoucherStoreOptions {
  now?: () => number;
}

export class VoucherStore {
  #tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private data: StoreFile,
    private readonly now: () => number,
  ) {}

  /** Opens (or starts) the store at `path`; a damaged file is an error, never silently reset. */
  static async open(path: string, options: VoucherStoreOptions = {}): Promise<VoucherStore> {
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw settlementError('storeUnreadable', 'store.unreadable', { path }, { cause: err });
    }
    let data: StoreFile = { version: 1, latest: [], archive: [], pending: [], claims: [] };
    if (text !== null) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        throw settlementError('storeUnreadable', 'store.unreadable', { path }, { cause: err });
      }
      const parsed = StoreFileSchema.safeParse(raw);
      // Losing vouchers loses money: refuse to start over a file we cannot read.
      if (!parsed.success) throw settlementError('storeUnreadable', 'store.unreadable', { path });
      data = parsed.data;
    }
    return new VoucherStore(path, data, options.now ?? Date.now);
  }

  /**
   * Checks a voucher frame from the network and keeps it when it is newer than the one
   * held for its payer. Never throws for a bad voucher: it says why in `reason`.
   */
  accept(frame: unknown, expected: VoucherExpectation): Promise<AcceptResult> {
    return this.exclusive(async () => {
      const checked = checkFrame(frame, expected, this.now());
      if ('reason' in checked) return { status: 'rejected', reason: checked.reason };
      const voucher = checked.voucher;
      const key = scopeOf(voucher);
      const current = this.data.latest.find((v) => scopeOf(v) === key);
      if (current && BigInt(voucher.cumulative) <= BigInt(current.cumulative)) {
        return {
          status: 'ignored',
          reason: msg('settlement:store.notNewer', {
            cumulative: voucher.cumulative,
            stored: current.cumulative,
          }),
          voucher: current,
        };
      }
      await this.save({
        ...this.data,
        latest: [...this.data.latest.filter((v) => scopeOf(v) !== key), voucher],
        archive: [...this.data.archive, voucher],
      });
      return { status: 'stored', voucher };
    });
  }

  latest(scope: VoucherScope): StoredVoucher | null {
    return this.data.latest.find((v) => scopeOf(v) === scopeOf(scope)) ?? null;
  }

  /** The newest voucher per payer, for every chain and vault. */
  allLatest(): StoredVoucher[] {
    return [...this.data.latest];
  }

  /** The archived voucher with this scope and signature, for month proofs. */
  findArchived(scope: VoucherScope, signature: string): StoredVoucher | null {
    const key = scopeOf(scope);
    const sig = signature.toLowerCase();
    return (
      this.data.archive.find((v) => scopeOf(v) === key && v.signature.toLowerCase() === sig) ?? null
    );
  }

  pendingClaims(): PendingClaim[] {
    return [...this.data.pending];
  }

  addPending(claim: PendingClaim): Promise<void> {
    return this.exclusive(async () => {
      if (this.data.pending.some((p) => p.txHash === claim.txHash)) return;
      await this.save({ ...this.data, pending: [...this.data.pending, claim] });
    });
  }

  /** Records the outcome of a pending claim (or drops it with `entry` null), in one write. */
  settlePending(txHash: string, entry: ClaimEntry | null): Promise<void> {
    return this.exclusive(async () => {
      const known = entry !== null && this.data.claims.some((c) => c.txHash === entry.txHash);
      await this.save({
        ...this.data,
        pending: this.data.pending.filter((p) => p.txHash !== txHash),
        claims: entry === null || known ? this.data.claims : [...this.data.claims, entry],
      });
    });
  }

  claims(): ClaimEntry[] {
    return [...this.data.claims];
  }

  claimByTx(txHash: string): ClaimEntry | null {
    const h = txHash.toLowerCase();
    return this.data.claims.find((c) => c.txHash.toLowerCase() === h) ?? null;
  }

  lastClaim(): ClaimEntry | null {
    return this.data.claims.at(-1) ?? null;
  }

  private async save(next: StoreFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_MODE });
    this.data = next;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(work, work);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

function reject(key: string, values?: Record<string, string | number>): { reason: Message } {
  return { reason: msg(`settlement:store.${key}`, values) };
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function checkFrame(
  frame: unknown,
  expected: VoucherExpectation,
  now: number,
): { voucher: StoredVoucher } | { reason: Message } {
  const parsed = VoucherFrameSchema.safeParse(frame);
  if (!parsed.success) {
    return reject('malformed', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
  }
  const f = parsed.data;
  if (f.chainId !== expected.chainId)
    return reject('wrongChain', { expected: expected.chainId, actual: f.chainId });
  if (!same(f.vault, expected.vault)) return reject('wrongVault', { vault: f.vault });
  if (expected.node !== undefined && !same(f.node, expected.node))
    return reject('wrongNode', { node: f.node });
  if (expected.payout !== undefined && !same(f.payout, expected.payout))
    return reject('wrongPayout', { payout: f.payout });
  const voucher = StoredVoucherSchema.parse({
    chainId: f.chainId,
    vault: f.vault,
    payer: expected.payer,
    node: f.node,
    payout: f.payout,
    cumulative: f.cumulative,
    nonce: f.nonce,
    deadline: f.deadline,
    signature: f.signature,
    receivedAt: now,
  });
  const signer = recoverVoucherSigner(domainOf(voucher), toChainVoucher(voucher), f.signature);
  if (signer === null) return reject('badSignature');
  if (signer !== getAddress(expected.payer.toLowerCase()))
    return reject('wrongSigner', { signer, payer: voucher.payer });
  return { voucher };
}
