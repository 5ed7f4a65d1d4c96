import {
  SCHEDULE_PRESET_SPANS,
  type Schedule,
  type SchedulePreset,
  type ScheduleSpan,
} from '../api/policy-schemas.js';
import {
  addCalendarDays,
  clockToMinutes,
  zonedInstant,
  zonedParts,
  type CalendarDate,
} from '../api/zoned-time.js';

/**
 * Weekly sharing hours. Spans are wall-clock times in the owner's current zone, turned into
 * instants per calendar date with `zonedInstant`, so DST and a laptop that changes zone are
 * handled by evaluating in whatever zone is current now.
 */

export interface Interval {
  /** inclusive */
  start: number;
  /** exclusive */
  end: number;
}

export function presetSpans(preset: Exclude<SchedulePreset, 'custom'>): ScheduleSpan[] {
  return SCHEDULE_PRESET_SPANS[preset].map((s) => ({ ...s }));
}

export function effectiveSpans(schedule: Schedule): ScheduleSpan[] {
  return schedule.preset === 'custom' ? schedule.spans : presetSpans(schedule.preset);
}

// Spans start on the day before at the earliest and last at most 24 h, so a window of dates
// from yesterday to eight days ahead holds every span instance touching the coming week.
const DAYS_BEFORE = 1;
const DAYS_AFTER = 8;

function spanInterval(span: ScheduleSpan, date: CalendarDate, timeZone: string): Interval {
  const startMin = clockToMinutes(span.start);
  const endMin = clockToMinutes(span.end);
  const endDate = endMin <= startMin ? addCalendarDays(date, 1) : date;
  const at = (d: CalendarDate, minutes: number): number =>
    zonedInstant({ ...d, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
  return { start: at(date, startMin), end: at(endDate, endMin) };
}

/**
 * Merged sharing intervals for the calendar dates around `now` (yesterday .. now + 8 days),
 * sorted and non-overlapping; touching intervals are merged.
 */
export function scheduleIntervals(schedule: Schedule, now: number, timeZone: string): Interval[] {
  const spans = effectiveSpans(schedule);
  const today = zonedParts(now, timeZone);
  const raw: Interval[] = [];
  for (let k = -DAYS_BEFORE; k <= DAYS_AFTER; k++) {
    const date = addCalendarDays(today, k);
    const weekday = (((today.weekday + k) % 7) + 7) % 7;
    for (const span of spans) {
      if (span.day !== weekday) continue;
      const interval = spanInterval(span, date, timeZone);
      // A span lying wholly inside a DST gap has no instants on that date.
      if (interval.end > interval.start) raw.push(interval);
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end)
      last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function isWithinSchedule(schedule: Schedule, now: number, timeZone: string): boolean {
  return scheduleIntervals(schedule, now, timeZone).some((i) => i.start <= now && now < i.end);
}

/** True when the spans leave no minute of the week uncovered (in wall-clock terms). */
export function coversWholeWeek(spans: readonly ScheduleSpan[]): boolean {
  const WEEK_MIN = 7 * 1440;
  const covered = new Uint8Array(WEEK_MIN);
  for (const span of spans) {
    const start = span.day * 1440 + clockToMinutes(span.start);
    const startMin = clockToMinutes(span.start);
    const endMin = clockToMinutes(span.end);
    const length = endMin > startMin ? endMin - startMin : endMin + 1440 - startMin;
    for (let m = 0; m < length; m++) covered[(start + m) % WEEK_MIN] = 1;
  }
  return covered.every((c) => c === 1);
}

/**
 * The next instant after `now` at which `isWithinSchedule` flips, or null if it never does
 * (no hours at all, or every hour of the week).
 */
export function nextScheduleChange(
  schedule: Schedule,
  now: number,
  timeZone: string,
): number | null {
  const spans = effectiveSpans(schedule);
  if (spans.length === 0 || coversWholeWeek(spans)) return null;
  // A weekly pattern with a gap has an edge within any eight days, except when DST swallows
  // the only gap; then the search goes on from the end of the window.
  let from = now;
  let coveredUntil: number | null = null;
  for (let attempt = 0; attempt < 4; attempt++) {
    const intervals = scheduleIntervals(schedule, from, timeZone);
    const horizon = intervals[intervals.length - 1]?.end;
    const coveredBefore: number | null = coveredUntil;
    for (const interval of intervals) {
      if (coveredUntil === null) {
        if (interval.end <= now) continue;
        if (interval.start > now) return interval.start;
      } else {
        if (interval.end <= coveredUntil) continue;
        if (interval.start > coveredUntil) return coveredUntil;
      }
      if (interval.end !== horizon) return interval.end;
      coveredUntil = interval.end;
    }
    if (coveredUntil === null) return null;
    if (coveredUntil === coveredBefore) return coveredUntil;
    from = coveredUntil - 86_400_000;
  }
  return null;
}
