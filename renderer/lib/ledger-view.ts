import type { LedgerState } from '../../src/api/ledger-schemas';
import { formatTokens } from '../../src/api/money';

/** Base units to a plain number of tokens, for chart scales only (never for sums). */
export function tokensForChart(baseUnits: string): number {
  try {
    return Number(formatTokens(baseUnits, 18, 6));
  } catch {
    return 0;
  }
}

/** GPU-seconds as "1 h 05 min" parts, or seconds when under a minute. */
export function gpuTime(seconds: number): { h: number; m: number; s: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60), s: whole % 60 };
}

/** This month and the eleven before it, newest first, as YYYY-MM in local time. */
export function recentMonths(now: Date = new Date(), count = 12): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** States that mean money is (or will be) owed for the job. */
export const PAID_STATES: readonly LedgerState[] = ['reported', 'credited', 'claimed'];

/** Shortens a hash to "0x3a44…9b1a"; the full value stays in the title. */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}

/** The owner's time zone, as the core's month filter expects it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
