import type { ScheduleSpan } from '../../src/api/policy-schemas.js';

/**
 * The weekly grid the owner paints: 7 days (0 = Sunday) × 24 hours. The policy wants
 * spans, so the grid converts both ways. A span that ends at or before its start runs
 * past midnight into the next day; a span of 00:00–00:00 is the whole day.
 */
export type WeekGrid = boolean[][];

export const DAYS = 7;
export const HOURS = 24;
const WEEK_HOURS = DAYS * HOURS;

export function emptyGrid(): WeekGrid {
  return Array.from({ length: DAYS }, () => Array.from({ length: HOURS }, () => false));
}

function minutesOf(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

function clockOf(hour: number): string {
  return `${String(hour % HOURS).padStart(2, '0')}:00`;
}

/** An hour is painted when the span covers the middle of it. */
export function spansToGrid(spans: readonly ScheduleSpan[]): WeekGrid {
  const grid = emptyGrid();
  for (const span of spans) {
    const start = minutesOf(span.start);
    let end = minutesOf(span.end);
    if (end <= start) end += 24 * 60;
    for (let hour = 0; hour < 48; hour++) {
      const middle = hour * 60 + 30;
      if (middle < start || middle >= end) continue;
      const day = (span.day + Math.floor(hour / HOURS)) % DAYS;
      grid[day]![hour % HOURS] = true;
    }
  }
  return grid;
}

function cell(grid: WeekGrid, index: number): boolean {
  const i = ((index % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
  return grid[Math.floor(i / HOURS)]?.[i % HOURS] === true;
}

/**
 * Runs of painted hours become spans. A run is cut at midnights, then a piece that ends
 * at midnight is joined with the next morning's piece when the two fit in one span
 * (evenings into the night read as "23:00–07:00", not two halves).
 */
export function gridToSpans(grid: WeekGrid): ScheduleSpan[] {
  let firstGap = -1;
  for (let i = 0; i < WEEK_HOURS; i++) {
    if (!cell(grid, i)) {
      firstGap = i;
      break;
    }
  }
  if (firstGap === -1) {
    return Array.from({ length: DAYS }, (_, day) => ({ day, start: '00:00', end: '00:00' }));
  }

  // Pieces of painted hours within one day, in week order starting after a gap so that a run
  // over Saturday night into Sunday stays whole.
  const pieces: { day: number; from: number; to: number }[] = [];
  for (let step = 1; step <= WEEK_HOURS; step++) {
    const i = (firstGap + step) % WEEK_HOURS;
    if (!cell(grid, i)) continue;
    const day = Math.floor(i / HOURS);
    const hour = i % HOURS;
    const last = pieces[pieces.length - 1];
    if (last && last.day === day && last.to === hour) last.to = hour + 1;
    else pieces.push({ day, from: hour, to: hour + 1 });
  }

  const spans: ScheduleSpan[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    const next = pieces[p + 1];
    const joins =
      next !== undefined &&
      piece.to === HOURS &&
      piece.from > 0 &&
      next.day === (piece.day + 1) % DAYS &&
      next.from === 0 &&
      next.to <= piece.from;
    if (joins) {
      spans.push({ day: piece.day, start: clockOf(piece.from), end: clockOf(next.to) });
      p++;
    } else {
      spans.push({ day: piece.day, start: clockOf(piece.from), end: clockOf(piece.to) });
    }
  }
  return spans.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
}

/** A rectangle painted by a drag: every cell between two corners set to one value. */
export function paintRect(
  grid: WeekGrid,
  from: { day: number; hour: number },
  to: { day: number; hour: number },
  value: boolean,
): WeekGrid {
  const [d0, d1] = [Math.min(from.day, to.day), Math.max(from.day, to.day)];
  const [h0, h1] = [Math.min(from.hour, to.hour), Math.max(from.hour, to.hour)];
  return grid.map((hours, day) =>
    hours.map((on, hour) => (day >= d0 && day <= d1 && hour >= h0 && hour <= h1 ? value : on)),
  );
}

export interface NextEdge {
  /** Whether sharing hours are in force now. */
  inHours: boolean;
  /** Weekday (0 = Sunday) and hour of the next start (or stop); null when it never changes. */
  next: { day: number; hour: number } | null;
}

/** When the painted hours next start or stop, counted from a weekday and hour. */
export function nextEdge(grid: WeekGrid, day: number, hour: number): NextEdge {
  const now = day * HOURS + hour;
  const inHours = cell(grid, now);
  for (let step = 1; step <= WEEK_HOURS; step++) {
    const i = (now + step) % WEEK_HOURS;
    if (cell(grid, i) !== inHours) {
      return { inHours, next: { day: Math.floor(i / HOURS), hour: i % HOURS } };
    }
  }
  return { inHours, next: null };
}

export function gridsEqual(a: WeekGrid, b: WeekGrid): boolean {
  return a.every((hours, day) => hours.every((on, hour) => b[day]?.[hour] === on));
}
