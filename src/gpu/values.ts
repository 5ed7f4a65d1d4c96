/**
 * Vendor tools mark missing values in many ways: `N/A`, `[N/A]`, `[Not Supported]`,
 * `[Requested functionality has been deprecated]`, `[Unknown Error]`, an empty cell.
 * All of them mean "we do not know", which the model says with `null`.
 */
export function isMissing(raw: string): boolean {
  const value = raw.trim();
  return value === '' || value === '-' || /^n\/a$/i.test(value) || /^\[.*\]$/.test(value);
}

export function textOrNull(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const value = raw.trim();
  return isMissing(value) ? null : value;
}

const UNIT = /\s*(MiB|GiB|KiB|W|%|C|MHz|us|ms|mV|B)$/;

/** Parses "39.32 W", "8192 MiB", "38 %", "40", "45.0"; anything else is null. */
export function numberOrNull(raw: string | undefined | null): number | null {
  const value = textOrNull(raw);
  if (value === null) return null;
  const bare = value.replace(UNIT, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(bare)) return null;
  const parsed = Number(bare);
  return Number.isFinite(parsed) ? parsed : null;
}

export function integerOrNull(raw: string | undefined | null): number | null {
  const parsed = numberOrNull(raw);
  return parsed !== null && Number.isInteger(parsed) && parsed >= 0 ? parsed : null;
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
