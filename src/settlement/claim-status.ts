import type { ClaimStatus } from '../api/settlement-schemas.js';
import type { Ledger } from '../ledger/ledger.js';
import type { VoucherStore } from './voucher-store.js';

/** What the Earnings screen shows about claiming. */
export function claimStatus(
  ledger: Ledger,
  store: VoucherStore,
  autoClaimAbove: bigint | null,
): ClaimStatus {
  // Totals only: the tariff and zone do not change pending or claimable.
  const all = ledger.summary({ timeZone: 'UTC', electricityPricePerKwh: '0' }).allTime;
  const last = store.lastClaim();
  const inFlight = store.pendingClaims()[0];
  return {
    claimable: all.claimable,
    pending: all.pending,
    lastClaim: last === null ? null : { txHash: last.txHash, amount: last.amount, at: last.at },
    inFlight: inFlight === undefined ? null : { txHash: inFlight.txHash },
    autoClaimAbove: autoClaimAbove === null ? null : autoClaimAbove.toString(),
  };
}
