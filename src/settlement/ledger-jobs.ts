import type { LedgerEntry, LedgerState } from '../api/ledger-schemas.js';
import type { Ledger } from '../ledger/ledger.js';

const PAGE = 500;

/** Every entry in the given states, oldest offer first (the order the ledger keeps). */
export function entriesOldestFirst(
  ledger: Ledger,
  states: LedgerState[],
  filter: { month?: string; timeZone?: string } = {},
): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = ledger.entries({ offset, limit: PAGE, states, ...filter });
    out.push(...page.entries);
    if (offset + PAGE >= page.total) break;
  }
  return out.reverse();
}
