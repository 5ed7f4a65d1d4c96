import type { LedgerEntry, LedgerState } from '../../src/api/ledger-schemas.js';

/** The moment that best says when something last happened to a job. */
export function lastMoment(entry: LedgerEntry): number {
  return entry.endedAt ?? entry.startedAt ?? entry.offeredAt;
}

/** States in which the job's amount means money (earned, owed or paid). */
const MONEY_STATES: readonly LedgerState[] = ['completed', 'reported', 'credited', 'claimed'];

export function showsAmount(state: LedgerState): boolean {
  return MONEY_STATES.includes(state);
}

export interface PageInfo {
  from: number;
  to: number;
  hasNewer: boolean;
  hasOlder: boolean;
}

/** "From–to of total", and which way the owner can page. */
export function pageInfo(offset: number, shown: number, total: number): PageInfo {
  return {
    from: total === 0 ? 0 : offset + 1,
    to: offset + shown,
    hasNewer: offset > 0,
    hasOlder: offset + shown < total,
  };
}
