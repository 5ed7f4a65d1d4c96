import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  isValidTimeZone,
  weekdayOf,
  zonedInstant,
  zonedParts,
  zoneOffsetMs,
} from '../../../src/api/zoned-time.js';

const H = 3_600_000;

describe('zonedParts', () => {
  it('reads the wall clock of an instant in a zone', () => {
    const t = Date.UTC(2024, 5, 15, 21, 30); // Saturday
    expect(zonedParts(t, 'Europe/Berlin')).toEqual({
      year: 2024,
      month: 6,
      day: 15,
      hour: 23,
      minute: 30,
      second: 0,
      weekday: 6,
    });
    expect(zonedParts(t, 'America/New_York')).toMatchObject({ day: 15, hour: 17, minute: 30 });
    expect(zonedParts(t, 'Asia/Jakarta')).toMatchObject({ day: 16, hour: 4, weekday: 0 });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(zonedParts(Date.UTC(2024, 0, 1, 0, 0), 'UTC')).toMatchObject({ hour: 0, day: 1 });
  });
});

describe('zoneOffsetMs', () => {
  it('follows DST, including half-hour DST on Lord Howe', () => {
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Europe/Berlin')).toBe(1 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Europe/Berlin')).toBe(2 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'America/New_York')).toBe(-4 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Australia/Lord_Howe')).toBe(11 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Australia/Lord_Howe')).toBe(10.5 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Asia/Jakarta')).toBe(7 * H);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Asia/Jakarta')).toBe(7 * H);
  });
});

describe('zonedInstant', () => {
  it('maps an ordinary wall time to its one instant', () => {
    const wall = { year: 2024, month: 3, day: 31, hour: 2, minute: 30 };
    expect(zonedInstant(wall, 'Asia/Jakarta')).toBe(Date.UTC(2024, 2, 30, 19, 30));
    expect(zonedInstant({ ...wall, month: 7 }, 'Europe/Berlin')).toBe(Date.UTC(2024, 6, 31, 0, 30));
  });

  it('starts a wall time inside a spring-forward gap at the end of the gap', () => {
    // Berlin 2024-03-31: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    const berlin = { year: 2024, month: 3, day: 31, hour: 2, minute: 30 };
    expect(zonedInstant(berlin, 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 0));
    // New York 2024-03-10: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    const ny = { year: 2024, month: 3, day: 10, hour: 2, minute: 30 };
    expect(zonedInstant(ny, 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 7, 0));
    // Lord Howe 2024-10-06: 02:00 (+10:30) jumps to 02:30 (+11) at 15:30 UTC the day before.
    const lh = { year: 2024, month: 10, day: 6, hour: 2, minute: 15 };
    expect(zonedInstant(lh, 'Australia/Lord_Howe')).toBe(Date.UTC(2024, 9, 5, 15, 30));
    expect(zonedParts(Date.UTC(2024, 9, 5, 15, 30), 'Australia/Lord_Howe')).toMatchObject({
      hour: 2,
      minute: 30,
    });
  });

  it('takes the first occurrence of a wall time inside a fall-back overlap', () => {
    // Berlin 2024-10-27: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
    const berlin = { year: 2024, month: 10, day: 27, hour: 2, minute: 30 };
    expect(zonedInstant(berlin, 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    // New York 2024-11-03: 02:00 EDT falls back to 01:00 EST at 06:00 UTC.
    const ny = { year: 2024, month: 11, day: 3, hour: 1, minute: 30 };
    expect(zonedInstant(ny, 'America/New_York')).toBe(Date.UTC(2024, 10, 3, 5, 30));
    // Lord Howe 2024-04-07: 02:00 (+11) falls back to 01:30 (+10:30) at 15:00 UTC the day before.
    const lh = { year: 2024, month: 4, day: 7, hour: 1, minute: 45 };
    expect(zonedInstant(lh, 'Australia/Lord_Howe')).toBe(Date.UTC(2024, 3, 6, 14, 45));
  });

  it('round-trips every half hour of DST weeks in several zones', () => {
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Jakarta']) {
      for (let t = Date.UTC(2024, 9, 1); t < Date.UTC(2024, 10, 8); t += 30 * 60_000) {
        const p = zonedParts(t, tz);
        const back = zonedInstant(p, tz);
        // Equal, or the first occurrence of a repeated wall time (earlier by the DST shift).
        expect(back <= t && t - back <= H).toBe(true);
        expect(zonedParts(back, tz)).toEqual(p);
      }
    }
  });
});

describe('calendar helpers', () => {
  it('adds days across month and year ends and knows weekdays', () => {
    expect(addCalendarDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({
      year: 2025,
      month: 1,
      day: 1,
    });
    expect(addCalendarDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(weekdayOf({ year: 2024, month: 3, day: 31 })).toBe(0);
  });

  it('tells known zones from unknown ones', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
