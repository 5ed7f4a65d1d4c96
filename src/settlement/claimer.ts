import { Transaction, getAddress } from 'ethers';
import type { JsonRpcApiProvider, Signer, TransactionReceipt, TransactionRequest } from 'ethers';
import { z } from 'zod';
import { msg } from '../api/message.js';
import type { Ledger } from '../ledger/ledger.js';
import { loadArtifact } from '../network/chain/artifacts.js';
import { chainCall, toChainError } from '../network/chain/chain-error.js';
import { readClaimed } from '../network/chain/vault.js';
import { resultItems } from '../network/chain/tx.js';
import { SettlementError, fromChain, settlementError } from './errors.js';
import { toChainVoucher } from './stored-voucher.js';
import type { ClaimEntry, PendingClaim, StoredVoucher } from './stored-voucher.js';
import type { VoucherStore } from './voucher-store.js';

export { autoClaimDue, CLAIM_GAS_LIMIT, MAX_GAS_SHARE_BPS } from './auto-claim.js';
export type { AutoClaimInput } from './auto-claim.js';

/**
 * Claiming is done by the device key: anyone may submit a voucher and the vault pays
 * only its `payout`, so no owner password is needed and claims can run unattended.
 *
 * Crash and outage safety: the claim transaction is signed first, recorded in the store
 * as pending (with the signed bytes), and only then broadcast. Whatever happens next
 * (the RPC vanishes, the app is killed), `reconcile()` finds the pending hash, asks the
 * chain for its receipt and records the claim in the ledger once, or rebroadcasts the
 * same bytes, or drops it when it can no longer be mined. A second claim never goes out
 * while one is in flight, and the vault itself pays a cumulative voucher at most once.
 */

export interface ReconcileDeps {
  /** A provider from `connectProvider` (no request cache). */
  provider: JsonRpcApiProvider;
  vault: string;
  store: VoucherStore;
  ledger: Ledger;
  now?: () => number;
}

export interface ClaimDeps extends ReconcileDeps {
  /** The device key as an ethers Signer; only `getAddress` and `signTransaction` are used. */
  deviceSigner: Pick<Signer, 'getAddress' | 'signTransaction'>;
  /** How long to wait for the receipt before leaving the claim to `reconcile`. */
  receiptTimeoutMs?: number;
  pollMs?: number;
}

export interface ClaimOutcome {
  txHash: string;
  amount: bigint;
  cumulative: bigint;
}

export interface ReconcileResult {
  recorded: ClaimEntry[];
  inFlight: string[];
  dropped: string[];
}

const DEFAULT_RECEIPT_TIMEOUT_MS = 120_000;
const DEFAULT_POLL_MS = 500;
/** Head-room over the gas estimate; unused gas is not charged. */
const GAS_MARGIN_PCT = 125n;
/** The chain said no for good: the transaction can never be mined as signed. */
const DEFINITIVE = new Set(['insufficientFunds', 'nonceTooLow', 'chainMismatch', 'rejected']);

const ClaimedArgsSchema = z.tuple([z.string(), z.string(), z.bigint(), z.bigint()]);

export async function claim(deps: ClaimDeps): Promise<ClaimOutcome> {
  const now = deps.now ?? Date.now;
  const vault = getAddress(deps.vault);
  const chainId = await chainIdOf(deps.provider);
  const node = getAddress(await deps.deviceSigner.getAddress());

  const reconciled = await reconcile(deps);
  const inFlight = reconciled.inFlight[0];
  if (inFlight !== undefined)
    throw settlementError('claimInFlight', 'claim.inFlight', { txHash: inFlight });

  const voucher = newestVoucher(deps.store, chainId, vault, node);
  if (voucher === null) throw settlementError('NothingToClaim', 'claim.noVoucher');
  const claimed = await rpc(() => readClaimed(deps.provider, vault, node));
  if (BigInt(voucher.cumulative) <= claimed)
    throw settlementError('NothingToClaim', 'claim.nothingToClaim');
  if (BigInt(voucher.deadline) * 1000n < BigInt(now()))
    throw new SettlementError('Expired', msg('chain:contract.expired'));

  const raw = await signClaim(deps, chainId, vault, node, voucher);
  const pending: PendingClaim = {
    txHash: Transaction.from(raw).hash!,
    raw,
    chainId,
    vault,
    payer: voucher.payer,
    node,
    payout: voucher.payout,
    cumulative: voucher.cumulative,
    sentAt: now(),
  };
  await deps.store.addPending(pending);

  try {
    await deps.provider.broadcastTransaction(raw);
  } catch (err) {
    const chainErr = toChainError(err);
    if (DEFINITIVE.has(chainErr.code)) {
      await deps.store.settlePending(pending.txHash, null);
      throw fromChain(chainErr);
    }
    // Maybe sent, maybe not: reconcile() will find out from the chain.
    throw unconfirmed(pending.txHash, err);
  }

  const receipt = await waitForReceipt(deps, pending.txHash);
  const entry = await finishPending(deps, pending, receipt);
  if (entry === null)
    throw settlementError('claimFailed', 'claim.failed', { txHash: pending.txHash });
  return {
    txHash: entry.txHash,
    amount: BigInt(entry.amount),
    cumulative: BigInt(entry.cumulative),
  };
}

/**
 * Settles every pending claim against the chain: a mined claim is recorded in the ledger
 * and the store (once: both are idempotent by cumulative and hash), a failed one is
 * dropped, an unknown one is broadcast again. Run at start and before each claim.
 */
export async function reconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  const result: ReconcileResult = { recorded: [], inFlight: [], dropped: [] };
  const chainId = await chainIdOf(deps.provider);
  const vault = getAddress(deps.vault);
  for (const pending of deps.store.pendingClaims()) {
    if (pending.chainId !== chainId || pending.vault !== vault) continue;
    const receipt = await rpc(() => deps.provider.getTransactionReceipt(pending.txHash));
    if (receipt !== null) {
      const entry = await finishPending(deps, pending, receipt);
      if (entry === null) result.dropped.push(pending.txHash);
      else result.recorded.push(entry);
      continue;
    }
    const known = await rpc(() => deps.provider.getTransaction(pending.txHash));
    if (known !== null) {
      result.inFlight.push(pending.txHash);
      continue;
    }
    try {
      await deps.provider.broadcastTransaction(pending.raw);
      result.inFlight.push(pending.txHash);
    } catch (err) {
      const chainErr = toChainError(err);
      if (!DEFINITIVE.has(chainErr.code)) throw unconfirmed(pending.txHash, err);
      await deps.store.settlePending(pending.txHash, null);
      result.dropped.push(pending.txHash);
    }
  }
  return result;
}

function newestVoucher(
  store: VoucherStore,
  chainId: number,
  vault: string,
  node: string,
): StoredVoucher | null {
  let best: StoredVoucher | null = null;
  for (const v of store.allLatest()) {
    if (v.chainId !== chainId || v.vault !== vault || v.node !== node) continue;
    if (best === null || BigInt(v.cumulative) > BigInt(best.cumulative)) best = v;
  }
  return best;
}

async function signClaim(
  deps: ClaimDeps,
  chainId: number,
  vault: string,
  node: string,
  voucher: StoredVoucher,
): Promise<string> {
  const data = loadArtifact('PaymentVault').iface.encodeFunctionData('claim', [
    { ...toChainVoucher(voucher) },
    voucher.signature,
  ]);
  const { provider } = deps;
  // Estimating runs the claim: a voucher the vault would refuse fails here, before any gas.
  const tx = await chainCall(async (): Promise<TransactionRequest> => {
    const [gas, nonce, fee] = await Promise.all([
      provider.estimateGas({ from: node, to: vault, data }),
      provider.getTransactionCount(node, 'pending'),
      provider.getFeeData(),
    ]);
    const base = { chainId, nonce, to: vault, data, gasLimit: (gas * GAS_MARGIN_PCT) / 100n };
    if (fee.maxFeePerGas !== null && fee.maxPriorityFeePerGas !== null)
      return {
        ...base,
        type: 2,
        maxFeePerGas: fee.maxFeePerGas,
        maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
      };
    return { ...base, type: 0, gasPrice: fee.gasPrice };
  }).catch((e: unknown) => {
    throw fromChain(e);
  });
  return deps.deviceSigner.signTransaction(tx);
}

async function waitForReceipt(deps: ClaimDeps, txHash: string): Promise<TransactionReceipt> {
  const timeout = deps.receiptTimeoutMs ?? DEFAULT_RECEIPT_TIMEOUT_MS;
  const poll = deps.pollMs ?? DEFAULT_POLL_MS;
  const started = Date.now();
  for (;;) {
    let receipt: TransactionReceipt | null;
    try {
      receipt = await deps.provider.getTransactionReceipt(txHash);
    } catch (err) {
      throw unconfirmed(txHash, err);
    }
    if (receipt !== null) return receipt;
    if (Date.now() - started > timeout) throw unconfirmed(txHash, null);
    await new Promise((r) => setTimeout(r, poll));
  }
}

/**
 * Records a mined pending claim: the ledger first, then the store (which clears the
 * pending entry), so a crash in between is repaired by the next reconcile. Returns null
 * (and drops the pending entry) when the transaction failed or paid nothing.
 */
async function finishPending(
  deps: ReconcileDeps,
  pending: PendingClaim,
  receipt: TransactionReceipt,
): Promise<ClaimEntry | null> {
  const event = receipt.status === 1 ? claimedEvent(receipt, pending.vault) : null;
  if (event === null) {
    await deps.store.settlePending(pending.txHash, null);
    return null;
  }
  await deps.ledger.claim({
    txHash: receipt.hash,
    cumulativeClaimed: event.cumulative,
    payer: pending.payer,
    chainId: pending.chainId,
    contract: pending.vault,
  });
  const entry: ClaimEntry = {
    txHash: receipt.hash,
    chainId: pending.chainId,
    vault: pending.vault,
    payer: pending.payer,
    node: event.node,
    payout: event.payout,
    amount: event.amount.toString(),
    cumulative: event.cumulative.toString(),
    at: (deps.now ?? Date.now)(),
  };
  await deps.store.settlePending(pending.txHash, entry);
  return entry;
}

/** The vault's Claimed event in `receipt`, checked to come from `vault`. */
export function claimedEvent(
  receipt: Pick<TransactionReceipt, 'logs'>,
  vault: string,
): { node: string; payout: string; amount: bigint; cumulative: bigint } | null {
  const iface = loadArtifact('PaymentVault').iface;
  for (const log of receipt.logs) {
    if (getAddress(log.address) !== getAddress(vault)) continue;
    let parsed;
    try {
      parsed = iface.parseLog({ topics: [...log.topics], data: log.data });
    } catch {
      continue;
    }
    if (parsed?.name !== 'Claimed') continue;
    const args = ClaimedArgsSchema.safeParse(resultItems(parsed.args));
    if (!args.success) continue;
    const [node, payout, amount, cumulative] = args.data;
    return { node: getAddress(node), payout: getAddress(payout), amount, cumulative };
  }
  return null;
}

async function chainIdOf(provider: JsonRpcApiProvider): Promise<number> {
  const network = await rpc(() => provider.getNetwork());
  return Number(network.chainId);
}

async function rpc<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw fromChain(toChainError(err));
  }
}

function unconfirmed(txHash: string, cause: unknown): SettlementError {
  return settlementError('claimUnconfirmed', 'claim.unconfirmed', { txHash }, { cause });
}
