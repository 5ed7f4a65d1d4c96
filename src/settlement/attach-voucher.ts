import type { Ledger } from '../ledger/ledger.js';
import { entriesOldestFirst } from './ledger-jobs.js';
import { scopeOf, toLedgerVoucher } from './stored-voucher.js';
import type { StoredVoucher } from './stored-voucher.js';

/**
 * A cumulative voucher pays for every job credited up to its total. Walks the credited
 * jobs in ledger order keeping a running total (jobs already under another payer's
 * voucher do not count), and attaches `voucher` to each job that has none while the
 * running total stays within `voucher.cumulative`. Idempotent: a job that has a voucher
 * keeps it. Returns how many jobs it attached to.
 */
export async function attachToLedger(ledger: Ledger, voucher: StoredVoucher): Promise<number> {
  const scope = scopeOf(voucher);
  const cap = BigInt(voucher.cumulative);
  const attachTo: { jobId: string; amount: bigint }[] = [];
  let running = 0n;
  for (const job of entriesOldestFirst(ledger, ['credited', 'claimed'])) {
    const v = job.voucher;
    if (v !== null && scopeOf({ ...v, vault: v.contract }) !== scope) continue;
    const amount = BigInt(job.amount);
    running += amount;
    if (running > cap) break;
    if (v === null && job.state === 'credited') attachTo.push({ jobId: job.jobId, amount });
  }
  let attached = 0;
  for (const job of attachTo) {
    if (await ledger.credit(job.jobId, job.amount, toLedgerVoucher(voucher))) attached += 1;
  }
  return attached;
}
