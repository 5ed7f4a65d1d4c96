import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduleSpan } from '../../../src/api/policy-schemas.js';
import { minutesToClock, zoneOffsetMs } from '../../../src/api/zoned-time.js';
import {
  coversWholeWeek,
  isWithinSchedule,
  nextScheduleChange,
  presetSpans,
} from '../../../src/policy/schedule.js';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const custom = (spans: ScheduleSpan[]): Schedule => ({ preset: 'custom', spans });
const overnight: Schedule = { preset: 'overnight', spans: [] };

describe('presets', () => {
  it('defines the four presets as spans', () => {
    expect(presetSpans('overnight')).toHaveLength(7);
    expect(presetSpans('overnight')[0]).toEqual({ day: 0, start: '23:00', end: '07:00' });
    expect(coversWholeWeek(presetSpans('always'))).toBe(true);
    expect(coversWholeWeek(presetSpans('whenAway'))).toBe(true);
    expect(coversWholeWeek(presetSpans('eveningsWeekends'))).toBe(false);
  });

  it('returns copies, so callers cannot change a preset', () => {
    const spans = presetSpans('overnight');
    spans[0]!.start = '01:00';
    expect(presetSpans('overnight')[0]!.start).toBe('23:00');
  });

  it('ignores custom spans unless the preset is custom', () => {
    const s: Schedule = { preset: 'always', spans: [{ day: 1, start: '10:00', end: '11:00' }] };
    expect(isWithinSchedule(s, Date.UTC(2024, 5, 12, 3, 0), 'UTC')).toBe(true);
    expect(nextScheduleChange(s, Date.UTC(2024, 5, 12, 3, 0), 'UTC')).toBeNull();
  });

  it('evenings & weekends runs from Friday evening to Monday 08:00 in one stretch', () => {
    const s: Schedule = { preset: 'eveningsWeekends', spans: [] };
    const friday19 = Date.UTC(2024, 5, 14, 19, 0); // Friday, UTC zone
    expect(isWithinSchedule(s, friday19, 'UTC')).toBe(true);
    expect(nextScheduleChange(s, friday19, 'UTC')).toBe(Date.UTC(2024, 5, 17, 8, 0));
    const wednesdayNoon = Date.UTC(2024, 5, 12, 12, 0);
    expect(isWithinSchedule(s, wednesdayNoon, 'UTC')).toBe(false);
    expect(nextScheduleChange(s, wednesdayNoon, 'UTC')).toBe(Date.UTC(2024, 5, 12, 18, 0));
    // Thursday 07:59 is still Wednesday evening's span.
    expect(isWithinSchedule(s, Date.UTC(2024, 5, 13, 7, 59), 'UTC')).toBe(true);
  });
});

describe('spans', () => {
  it('runs a span with end <= start past midnight, and end == start for 24 hours', () => {
    const s = custom([{ day: 3, start: '22:00', end: '02:00' }]); // Wednesday
    expect(isWithinSchedule(s, Date.UTC(2024, 5, 13, 1, 59), 'UTC')).toBe(true); // Thu 01:59
    expect(isWithinSchedule(s, Date.UTC(2024, 5, 13, 2, 0), 'UTC')).toBe(false);
    const whole = custom([{ day: 3, start: '09:00', end: '09:00' }]);
    expect(isWithinSchedule(whole, Date.UTC(2024, 5, 13, 8, 59), 'UTC')).toBe(true);
    expect(nextScheduleChange(whole, Date.UTC(2024, 5, 12, 9, 0), 'UTC')).toBe(
      Date.UTC(2024, 5, 13, 9, 0),
    );
  });

  it('merges touching and overlapping spans, so the next change is a real change', () => {
    const s = custom([
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '12:00', end: '14:00' },
      { day: 1, start: '13:00', end: '18:00' },
    ]);
    expect(nextScheduleChange(s, Date.UTC(2024, 5, 10, 9, 0), 'UTC')).toBe(
      Date.UTC(2024, 5, 10, 18, 0),
    );
  });

  it('has no hours and no next change when there are no spans', () => {
    expect(isWithinSchedule(custom([]), Date.UTC(2024, 5, 10), 'UTC')).toBe(false);
    expect(nextScheduleChange(custom([]), Date.UTC(2024, 5, 10), 'UTC')).toBeNull();
  });
});

describe('DST and time zones', () => {
  it('shortens the overnight span on spring-forward night in Berlin', () => {
    const before = Date.UTC(2024, 2, 30, 22, 30); // Sat 23:30 CET
    expect(isWithinSchedule(overnight, before, 'Europe/Berlin')).toBe(true);
    // 07:00 CEST = 05:00 UTC: the night lasted 7 hours.
    expect(nextScheduleChange(overnight, before, 'Europe/Berlin')).toBe(
      Date.UTC(2024, 2, 31, 5, 0),
    );
  });

  it('starts a span that begins inside the gap when the gap ends', () => {
    const s = custom([{ day: 0, start: '02:30', end: '05:00' }]);
    const t = Date.UTC(2024, 2, 31, 0, 59); // 01:59 CET
    expect(isWithinSchedule(s, t, 'Europe/Berlin')).toBe(false);
    expect(nextScheduleChange(s, t, 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 0));
    expect(isWithinSchedule(s, Date.UTC(2024, 2, 31, 1, 0), 'Europe/Berlin')).toBe(true);
  });

  it('ends a span at the first 02:30 on fall-back night and does not restart in the repeat', () => {
    const s = custom([{ day: 0, start: '00:00', end: '02:30' }]);
    const firstPass = Date.UTC(2024, 9, 27, 0, 15); // 02:15 CEST
    const secondPass = Date.UTC(2024, 9, 27, 1, 15); // 02:15 CET
    expect(isWithinSchedule(s, firstPass, 'Europe/Berlin')).toBe(true);
    expect(nextScheduleChange(s, firstPass, 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(isWithinSchedule(s, secondPass, 'Europe/Berlin')).toBe(false);
  });

  it('handles New York and Lord Howe (half-hour DST) transitions', () => {
    const nyNight = Date.UTC(2024, 10, 3, 4, 0); // 00:00 EDT, fall-back night
    expect(nextScheduleChange(overnight, nyNight, 'America/New_York')).toBe(
      Date.UTC(2024, 10, 3, 12, 0), // 07:00 EST
    );
    const lhNight = Date.UTC(2024, 9, 5, 13, 0); // 23:30 +10:30, spring-forward night
    expect(isWithinSchedule(overnight, lhNight, 'Australia/Lord_Howe')).toBe(true);
    expect(nextScheduleChange(overnight, lhNight, 'Australia/Lord_Howe')).toBe(
      Date.UTC(2024, 9, 5, 20, 0), // 07:00 +11
    );
  });

  it('keeps Jakarta at a fixed 23:00 local every day of the year', () => {
    for (const month of [0, 3, 6, 9]) {
      const noon = Date.UTC(2024, month, 10, 5, 0); // 12:00 WIB
      expect(nextScheduleChange(overnight, noon, 'Asia/Jakarta')).toBe(
        Date.UTC(2024, month, 10, 16, 0),
      );
    }
  });

  it('answers for the zone the laptop is in now (same instant, different zone)', () => {
    const t = Date.UTC(2024, 5, 15, 21, 30);
    expect(isWithinSchedule(overnight, t, 'Europe/Berlin')).toBe(true); // 23:30
    expect(isWithinSchedule(overnight, t, 'America/New_York')).toBe(false); // 17:30
    expect(nextScheduleChange(overnight, t, 'America/New_York')).toBe(Date.UTC(2024, 5, 16, 3, 0));
    expect(isWithinSchedule(overnight, t, 'Asia/Jakarta')).toBe(true); // 04:30
  });

  it('finds the next edge even when DST swallows the only gap of the week', () => {
    // Sharing all week except Sunday 02:00-03:00; on spring-forward Sunday that hour is missing.
    const spans: ScheduleSpan[] = [
      { day: 0, start: '00:00', end: '02:00' },
      { day: 0, start: '03:00', end: '00:00' },
    ];
    for (const day of [1, 2, 3, 4, 5, 6]) spans.push({ day, start: '00:00', end: '00:00' });
    const t = Date.UTC(2024, 2, 30, 12, 0); // Saturday before the change
    expect(nextScheduleChange(custom(spans), t, 'Europe/Berlin')).toBe(
      Date.UTC(2024, 3, 7, 0, 0), // the following Sunday, 02:00 CEST
    );
  });
});

// --- brute-force oracle ----------------------------------------------------------------------

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Jakarta',
  'America/Santiago',
  'Asia/Kathmandu',
] as const;

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const oracleFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minute of the week on the wall clock, read through a separate formatter. */
function wallMinuteOfWeek(instant: number, tz: string): number {
  let f = oracleFormatters.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    oracleFormatters.set(tz, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return WEEKDAYS[get('weekday')]! * 1440 + Number(get('hour')) * 60 + Number(get('minute'));
}

function oracleWithin(spans: ScheduleSpan[], instant: number, tz: string): boolean {
  const w = wallMinuteOfWeek(instant, tz);
  return spans.some((s) => {
    const [sh, sm] = s.start.split(':').map(Number);
    const [eh, em] = s.end.split(':').map(Number);
    const start = sh! * 60 + sm!;
    const end = eh! * 60 + em!;
    const length = end > start ? end - start : end + 1440 - start;
    return (w - (s.day * 1440 + start) + 7 * 1440) % (7 * 1440) < length;
  });
}

/** Instants whose wall time happens twice (fall-back overlaps), where wall-clock rules are ambiguous. */
function ambiguousRanges(tz: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  const step = 15 * MIN;
  for (let t = from - DAY; t < to + DAY; t += step) {
    const delta = zoneOffsetMs(t, tz) - zoneOffsetMs(t + step, tz);
    if (delta > 0) ranges.push([t - delta, t + step + delta]);
  }
  return ranges;
}

const clockArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  // Wall times inside or at the edges of DST gaps and overlaps of the zones above.
  fc.constantFrom(0, 30, 45, 60, 90, 120, 135, 150, 165, 180, 210, 1410),
);
const spanArb = fc.record({
  day: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0, 6)),
  start: clockArb.map(minutesToClock),
  end: clockArb.map(minutesToClock),
});
/** Weeks (from a day or so before) holding a DST transition of the paired zone, 2024. */
const DST_WEEKS: [string, number][] = [
  ['Europe/Berlin', Date.UTC(2024, 2, 28)],
  ['Europe/Berlin', Date.UTC(2024, 9, 24)],
  ['America/New_York', Date.UTC(2024, 2, 7)],
  ['America/New_York', Date.UTC(2024, 9, 31)],
  ['Australia/Lord_Howe', Date.UTC(2024, 3, 3)],
  ['Australia/Lord_Howe', Date.UTC(2024, 9, 2)],
  ['America/Santiago', Date.UTC(2024, 3, 3)],
  ['America/Santiago', Date.UTC(2024, 8, 4)],
];
const zoneAndWeekArb: fc.Arbitrary<[string, number]> = fc.oneof(
  fc
    .constantFrom(...DST_WEEKS)
    .chain(([tz, w]) => fc.tuple(fc.constant(tz), fc.integer({ min: w, max: w + 2 * DAY }))),
  fc.tuple(
    fc.constantFrom(...ZONES),
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) }),
  ),
);

describe('schedule against a minute-by-minute oracle', () => {
  it('agrees over a week for random spans and zones, and edges are real flips', () => {
    fc.assert(
      fc.property(
        fc.array(spanArb, { minLength: 1, maxLength: 6 }),
        zoneAndWeekArb,
        (spans, [tz, rawStart]) => {
          const schedule = custom(spans);
          const start = Math.floor(rawStart / MIN) * MIN;
          const end = start + 7 * DAY;
          const skip = ambiguousRanges(tz, start, end);
          const ambiguous = (m: number): boolean => skip.some(([a, b]) => m >= a && m < b);
          let t = start;
          let inside = isWithinSchedule(schedule, t, tz);
          while (t < end) {
            const next = nextScheduleChange(schedule, t, tz);
            if (next !== null) expect(next).toBeGreaterThan(t);
            const segmentEnd = Math.min(next ?? end, end);
            for (let m = Math.ceil(t / MIN) * MIN; m < segmentEnd; m += MIN) {
              if (!ambiguous(m) && oracleWithin(spans, m, tz) !== inside) {
                throw new Error(`disagree at ${new Date(m).toISOString()} (${tz}): ${inside}`);
              }
            }
            if (next === null || next >= end) break;
            inside = !inside;
            expect(isWithinSchedule(schedule, next, tz)).toBe(inside);
            t = next;
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
