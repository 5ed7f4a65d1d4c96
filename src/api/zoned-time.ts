/**
 * Wall-clock arithmetic in an IANA time zone, built only on `Intl.DateTimeFormat` so it runs
 * the same in the core and in the renderer. Instants are epoch milliseconds.
 *
 * The two awkward cases are DST transitions:
 * - a wall time inside a spring-forward gap does not exist; we map it to the first instant
 *   whose wall clock is at or after it (02:30 in a 02:00→03:00 gap starts at 03:00);
 * - a wall time inside a fall-back overlap happens twice; we take the first occurrence.
 * Both follow from one rule: the earliest instant whose wall clock reads at or after the
 * requested time, which keeps schedule spans contiguous and free of flapping.
 */

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export interface WallTime extends CalendarDate {
  /** 0..23 */
  hour: number;
  /** 0..59 */
  minute: number;
  /** 0..59; 0 when omitted */
  second?: number;
}

export interface ZonedParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
}

const DAY_MS = 86_400_000;

// Formatters are expensive to build and immutable, so one per zone is kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Weekday (0 = Sunday) of a calendar date, independent of any zone. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Plain calendar arithmetic: the date `days` after `date` (negative goes back). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// `format` is several times faster than `formatToParts`; en-US numeric output is
// "M/D/YYYY, HH:MM:SS". Anything else (an unusual ICU build) goes the slow, sure way.
const EN_US_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}),? (\d{1,2}):(\d{2}):(\d{2})$/;

function readWallClock(instant: number, timeZone: string): number[] {
  const f = formatterFor(timeZone);
  const date = new Date(instant);
  const m = EN_US_NUMERIC.exec(f.format(date));
  if (m !== null) {
    const [, month, day, year, hour, minute, second] = m;
    return [year, month, day, hour, minute, second].map(Number);
  }
  const parts = f.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** The wall-clock reading of `instant` in `timeZone`. Throws RangeError for an unknown zone. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = readWallClock(
    instant,
    timeZone,
  );
  const date = { year, month, day };
  return { ...date, hour, minute, second, weekday: weekdayOf(date) };
}

function wallAsUtc(wall: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return d.getTime();
}

// Schedules ask for the same offsets over and over (every span, every evaluation), so recent
// answers are remembered; the memo only ever holds what Intl itself said.
const OFFSET_MEMO_LIMIT = 20_000;
const offsetMemo = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms (whole seconds). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  let memo = offsetMemo.get(timeZone);
  if (memo === undefined) {
    memo = new Map();
    offsetMemo.set(timeZone, memo);
  }
  const known = memo.get(wholeSecond);
  if (known !== undefined) return known;
  const offset = wallAsUtc(zonedParts(wholeSecond, timeZone)) - wholeSecond;
  if (memo.size >= OFFSET_MEMO_LIMIT) memo.clear();
  memo.set(wholeSecond, offset);
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` reads `wall`: first occurrence in a
 * fall-back overlap, the end of the gap (the transition) in a spring-forward gap.
 */
export function zonedInstant(wall: WallTime, timeZone: string): number {
  const target = wallAsUtc(wall);
  const readsAt = (t: number): number => t + zoneOffsetMs(t, timeZone);
  // Usual case: the same offset a day either side, so no transition is near.
  const before = zoneOffsetMs(target - DAY_MS, timeZone);
  if (before === zoneOffsetMs(target + DAY_MS, timeZone) && readsAt(target - before) === target) {
    return target - before;
  }
  // Real offsets lie within ±18 h, so the answer lies within a day of `target`; the offsets a
  // day either side (and at the target) cover every offset in force around it.
  const offsets = new Set([
    zoneOffsetMs(target - DAY_MS, timeZone),
    zoneOffsetMs(target, timeZone),
    zoneOffsetMs(target + DAY_MS, timeZone),
  ]);
  let best: number | null = null;
  for (const offset of offsets) {
    const t = target - offset;
    if (readsAt(t) === target && (best === null || t < best)) best = t;
  }
  if (best !== null) return best;

  // A gap: the wall clock jumps over `target`. Between the two candidate instants the wall
  // clock crosses `target` exactly once, so bisect for the first instant reading past it.
  const candidates = [...offsets].map((o) => target - o);
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  if (readsAt(lo) >= target) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (readsAt(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Minutes since midnight of an 'HH:MM' clock string (validated by the caller's schema). */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** 'HH:MM' for minutes since midnight (0..1439). */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
