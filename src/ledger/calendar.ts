/**
 * Calendar days in the owner's time zone, as 'YYYY-MM-DD' keys. A job is bucketed by the
 * local date of an instant (Intl does the zone and DST work); periods are then plain
 * string comparisons and civil-date arithmetic, so no local midnight is ever computed.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of `epochMs` in `timeZone`. Throws RangeError on a bad zone. */
export function dateKey(epochMs: number, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

function civil(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export function addDays(key: string, days: number): string {
  const date = civil(key);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before `key` (weeks start on Monday, as in ISO 8601 and Indonesia). */
export function weekStart(key: string): string {
  const weekday = (civil(key).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(key, -weekday);
}

export function monthOf(key: string): string {
  return key.slice(0, 7);
}
