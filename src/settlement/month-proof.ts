import { getAddress, recoverAddress } from 'ethers';
import type { Provider } from 'ethers';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { MonthProofSchema } from '../api/settlement-schemas.js';
import type {
  MonthProof,
  ProofClaim,
  ProofJob,
  ProofOpening,
  ProofReport,
  ProofVoucher,
} from '../api/settlement-schemas.js';
import type { Ledger } from '../ledger/ledger.js';
import { toChainError } from '../network/chain/chain-error.js';
import { recoverVoucherSigner, voucherDomain } from '../network/chain/voucher.js';
import { claimedEvent } from './claimer.js';
import { settlementError } from './errors.js';
import { entriesOldestFirst } from './ledger-jobs.js';
import { scopeOf } from './stored-voucher.js';
import type { VoucherStore } from './voucher-store.js';

/**
 * A month's earnings as a self-contained record an accountant can check against the
 * chain without trusting this app: each paid job with the usage receipt the node signed,
 * the payer-signed voucher that covers it, and the claim transaction that paid it.
 */

export interface ExportOptions {
  store: VoucherStore;
  /** Used only for claims the store does not know (e.g. a store restored from backup). */
  provider?: Provider;
  now?: () => number;
}

export async function exportMonthProof(
  ledger: Ledger,
  month: string,
  timeZone: string,
  options: ExportOptions,
): Promise<MonthProof> {
  const { store } = options;
  const paid = entriesOldestFirst(ledger, ['claimed'], { month, timeZone }).filter(
    (e) => BigInt(e.amount) > 0n && e.voucher !== null && e.claimTx !== null,
  );
  const jobs: ProofJob[] = [];
  for (const e of paid) {
    const v = e.voucher!;
    const full = store.findArchived({ ...v, vault: v.contract }, v.signature);
    if (full === null)
      throw settlementError('proofIncomplete', 'proof.voucherMissing', { jobId: e.jobId });
    const voucher: ProofVoucher = {
      node: full.node,
      payout: full.payout,
      cumulative: full.cumulative,
      nonce: full.nonce,
      deadline: full.deadline,
      signature: full.signature,
      payer: full.payer,
      chainId: full.chainId,
      vault: full.vault,
    };
    jobs.push({
      jobId: e.jobId,
      endedAt: e.endedAt,
      amount: e.amount,
      receipt: e.receipt,
      voucher,
      claimTx: e.claimTx!,
    });
  }

  const claims: ProofClaim[] = [];
  for (const txHash of new Set(jobs.map((j) => j.claimTx))) {
    const job = jobs.find((j) => j.claimTx === txHash)!;
    claims.push(await claimFor(txHash, job.voucher, options));
  }

  const inProof = new Set(jobs.map((j) => j.jobId));
  const openings = new Map<string, ProofOpening>();
  const started = new Set<string>();
  for (const e of entriesOldestFirst(ledger, ['credited', 'claimed'])) {
    if (e.voucher === null) continue;
    const scope = { chainId: e.voucher.chainId, vault: e.voucher.contract, payer: e.voucher.payer };
    const key = scopeOf(scope);
    if (inProof.has(e.jobId)) started.add(key);
    if (started.has(key)) continue;
    const prev = openings.get(key);
    const cumulative = (BigInt(prev?.cumulative ?? '0') + BigInt(e.amount)).toString();
    openings.set(key, {
      ...scope,
      vault: getAddress(scope.vault),
      payer: getAddress(scope.payer),
      cumulative,
    });
  }
  const keys = new Set(jobs.map((j) => scopeOf(j.voucher)));

  return MonthProofSchema.parse({
    format: 'lumbung-month-proof',
    version: 1,
    month,
    timeZone,
    createdAt: (options.now ?? Date.now)(),
    jobs,
    claims,
    openings: [...openings.entries()].filter(([k]) => keys.has(k)).map(([, o]) => o),
    total: jobs.reduce((s, j) => s + BigInt(j.amount), 0n).toString(),
  });
}

async function claimFor(
  txHash: string,
  voucher: ProofVoucher,
  options: ExportOptions,
): Promise<ProofClaim> {
  const known = options.store.claimByTx(txHash);
  if (known !== null) {
    const { txHash: hash, chainId, vault, node, payout, amount, cumulative } = known;
    return { txHash: hash, chainId, vault, node, payout, amount, cumulative };
  }
  const receipt = options.provider
    ? await options.provider.getTransactionReceipt(txHash).catch(() => null)
    : null;
  const ev = receipt === null ? null : claimedEvent(receipt, voucher.vault);
  if (ev === null) throw settlementError('proofIncomplete', 'proof.claimUnknown', { txHash });
  return {
    txHash,
    chainId: voucher.chainId,
    vault: voucher.vault,
    node: ev.node,
    payout: ev.payout,
    amount: ev.amount.toString(),
    cumulative: ev.cumulative.toString(),
  };
}

// ---- verification ------------------------------------------------------------------

const p = (key: string, values?: Record<string, string | number>): Message =>
  msg(`settlement:proof.${key}`, values);

/**
 * Checks a proof against itself and the chain. Every job's voucher must be signed by its
 * payer and cover the running total up to that job; every receipt must be signed by the
 * voucher's node; every claim must exist on chain, have succeeded and have emitted
 * `Claimed(node, payout, amount, cumulative)` from the vault with exactly the stated
 * values, and cover the vouchers of the jobs it paid; the total must be the sum of jobs.
 */
export async function verifyMonthProof(input: unknown, provider: Provider): Promise<ProofReport> {
  const parsed = MonthProofSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    return {
      ok: false,
      month: '0000-01',
      jobs: 0,
      claims: 0,
      total: '0',
      problems: [p('invalid', { field })],
    };
  }
  const proof = parsed.data;
  const problems: Message[] = [];

  const sum = proof.jobs.reduce((s, j) => s + BigInt(j.amount), 0n);
  if (sum !== BigInt(proof.total))
    problems.push(p('totalMismatch', { stated: proof.total, actual: sum.toString() }));

  problems.push(...checkJobs(proof));
  problems.push(...(await checkClaimsOnChain(proof.claims, provider)));

  return {
    ok: problems.length === 0,
    month: proof.month,
    jobs: proof.jobs.length,
    claims: proof.claims.length,
    total: sum.toString(),
    problems,
  };
}

function checkJobs(proof: MonthProof): Message[] {
  const problems: Message[] = [];
  const seen = new Set<string>();
  const claims = new Map(proof.claims.map((c) => [c.txHash.toLowerCase(), c]));
  const running = new Map(proof.openings.map((o) => [scopeOf(o), BigInt(o.cumulative)]));
  const signerOf = new Map<string, string | null>();

  for (const job of proof.jobs) {
    if (seen.has(job.jobId)) problems.push(p('duplicateJob', { jobId: job.jobId }));
    seen.add(job.jobId);
    const v = job.voucher;

    let signer = signerOf.get(v.signature);
    if (signer === undefined) {
      signer = recoverVoucherSigner(
        voucherDomain(v.chainId, v.vault),
        {
          node: v.node,
          payout: v.payout,
          cumulative: BigInt(v.cumulative),
          nonce: BigInt(v.nonce),
          deadline: BigInt(v.deadline),
        },
        v.signature,
      );
      signerOf.set(v.signature, signer);
    }
    if (signer === null || signer !== getAddress(v.payer))
      problems.push(p('voucherSignature', { jobId: job.jobId }));

    if (job.receipt !== null && !signedBy(job.receipt.hash, job.receipt.signature, v.node))
      problems.push(p('receiptSignature', { jobId: job.jobId }));

    const key = scopeOf(v);
    const total = (running.get(key) ?? 0n) + BigInt(job.amount);
    running.set(key, total);
    if (total > BigInt(v.cumulative)) problems.push(p('notCovered', { jobId: job.jobId }));

    const c = claims.get(job.claimTx.toLowerCase());
    if (c === undefined) {
      problems.push(p('claimUnlisted', { jobId: job.jobId, txHash: job.claimTx }));
      continue;
    }
    const sameScope =
      c.chainId === v.chainId &&
      getAddress(c.vault) === getAddress(v.vault) &&
      getAddress(c.node) === getAddress(v.node) &&
      getAddress(c.payout) === getAddress(v.payout);
    if (!sameScope || BigInt(c.cumulative) < BigInt(v.cumulative))
      problems.push(p('claimDoesNotCover', { jobId: job.jobId, txHash: c.txHash }));
  }
  return problems;
}

function signedBy(hash: string, signature: string, who: string): boolean {
  try {
    return recoverAddress(hash, signature) === getAddress(who);
  } catch {
    return false;
  }
}

async function checkClaimsOnChain(claims: ProofClaim[], provider: Provider): Promise<Message[]> {
  const problems: Message[] = [];
  if (claims.length === 0) return problems;
  let chainId: number;
  try {
    chainId = Number((await provider.getNetwork()).chainId);
  } catch (err) {
    return [toChainError(err).userMessage];
  }
  for (const c of claims) {
    if (c.chainId !== chainId) {
      problems.push(p('wrongChain', { txHash: c.txHash, expected: c.chainId, actual: chainId }));
      continue;
    }
    let receipt;
    try {
      receipt = await provider.getTransactionReceipt(c.txHash);
    } catch (err) {
      problems.push(toChainError(err).userMessage);
      return problems;
    }
    if (receipt === null) {
      problems.push(p('claimNotFound', { txHash: c.txHash }));
      continue;
    }
    if (receipt.status !== 1) {
      problems.push(p('claimReverted', { txHash: c.txHash }));
      continue;
    }
    const ev = claimedEvent(receipt, c.vault);
    if (ev === null) {
      problems.push(p('claimNoEvent', { txHash: c.txHash }));
      continue;
    }
    const mismatched = [
      ev.node !== getAddress(c.node) ? 'node' : null,
      ev.payout !== getAddress(c.payout) ? 'payout' : null,
      ev.amount !== BigInt(c.amount) ? 'amount' : null,
      ev.cumulative !== BigInt(c.cumulative) ? 'cumulative' : null,
    ].filter((f): f is string => f !== null);
    for (const field of mismatched) problems.push(p('claimMismatch', { txHash: c.txHash, field }));
  }
  return problems;
}
