import { localeOf } from './format-time.js';

/** The separators each of our languages writes numbers with. */
function separatorsOf(language: string): { group: string; decimal: string } {
  return language === 'id' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/**
 * A plain decimal string ("-1234.5678", as `formatTokens` makes it) written the owner's
 * way: "1,234.5678" in English, "1.234,5678" in Indonesian. Works on the text so token
 * amounts keep every digit; anything that is not a plain decimal comes back unchanged.
 */
export function localiseDecimal(text: string, language: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction] = match;
  const { group, decimal } = separatorsOf(language);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction !== undefined ? decimal + fraction : ''}`;
}

/** A measured number (watts, hours, gigabytes) in the owner's format, rounded for reading. */
export function formatNumber(value: number, language: string, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: maxFractionDigits,
  }).format(value);
}

/**
 * Hours as a person reads them: whole hours stay whole, a few hours get one decimal and
 * small amounts two, so "0.027" becomes "0.03" rather than noise.
 */
export function formatHours(hours: number, language: string): string {
  const abs = Math.abs(hours);
  return formatNumber(hours, language, abs >= 10 ? 0 : abs >= 1 ? 1 : 2);
}

/** A length of time in its largest useful units, without leading zeros. */
export type DurationWords =
  | { kind: 'underMinute' }
  | { kind: 'seconds'; s: number }
  | { kind: 'minutes'; m: number }
  | { kind: 'hours'; h: number; m: number };

/**
 * "11 s" instead of "0 h 0 min 11 s". `withSeconds` keeps seconds for short jobs in a
 * history; a running job's clock says "under a minute" instead.
 */
export function durationWords(seconds: number, withSeconds: boolean): DurationWords {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return withSeconds ? { kind: 'seconds', s: whole } : { kind: 'underMinute' };
  const totalMinutes = Math.floor(whole / 60);
  if (totalMinutes < 60) return { kind: 'minutes', m: totalMinutes };
  return { kind: 'hours', h: Math.floor(totalMinutes / 60), m: totalMinutes % 60 };
}
