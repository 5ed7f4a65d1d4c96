import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_PRESET_SPANS } from '../../../src/api/policy-schemas.js';
import {
  emptyGrid,
  gridToSpans,
  nextEdge,
  paintRect,
  spansToGrid,
  type WeekGrid,
} from '../../../renderer/lib/schedule-grid.js';

const gridArb = fc
  .array(fc.boolean(), { minLength: 168, maxLength: 168 })
  .map((cells) => Array.from({ length: 7 }, (_, d) => cells.slice(d * 24, d * 24 + 24)));

const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

describe('weekly grid ↔ spans', () => {
  it('turns a night into one span that crosses midnight', () => {
    const grid = paintRect(emptyGrid(), { day: 1, hour: 23 }, { day: 1, hour: 23 }, true);
    const night = paintRect(grid, { day: 2, hour: 0 }, { day: 2, hour: 6 }, true);
    expect(gridToSpans(night)).toEqual([{ day: 1, start: '23:00', end: '07:00' }]);
  });

  it('keeps several spans on one day apart', () => {
    let grid = paintRect(emptyGrid(), { day: 3, hour: 1 }, { day: 3, hour: 2 }, true);
    grid = paintRect(grid, { day: 3, hour: 12 }, { day: 3, hour: 13 }, true);
    expect(gridToSpans(grid)).toEqual([
      { day: 3, start: '01:00', end: '03:00' },
      { day: 3, start: '12:00', end: '14:00' },
    ]);
  });

  it('joins Saturday night into Sunday morning across the end of the week', () => {
    let grid = paintRect(emptyGrid(), { day: 6, hour: 22 }, { day: 6, hour: 23 }, true);
    grid = paintRect(grid, { day: 0, hour: 0 }, { day: 0, hour: 5 }, true);
    expect(gridToSpans(grid)).toEqual([{ day: 6, start: '22:00', end: '06:00' }]);
  });

  it('says every whole day as 00:00–00:00', () => {
    const all = paintRect(emptyGrid(), { day: 0, hour: 0 }, { day: 6, hour: 23 }, true);
    expect(gridToSpans(all)).toHaveLength(7);
    expect(gridToSpans(all).every((s) => s.start === '00:00' && s.end === '00:00')).toBe(true);
  });

  it('shows every preset exactly as painted hours that convert back to the same hours', () => {
    for (const spans of Object.values(SCHEDULE_PRESET_SPANS)) {
      const grid = spansToGrid(spans);
      expect(spansToGrid(gridToSpans(grid))).toEqual(grid);
    }
    const overnight = spansToGrid(SCHEDULE_PRESET_SPANS.overnight);
    expect(overnight[2]![23]).toBe(true);
    expect(overnight[2]![6]).toBe(true);
    expect(overnight[2]![7]).toBe(false);
  });

  it('round-trips any painting, and every span is valid and at most a day long', () => {
    fc.assert(
      fc.property(gridArb, (grid: WeekGrid) => {
        const spans = gridToSpans(grid);
        expect(spansToGrid(spans)).toEqual(grid);
        for (const span of spans) {
          expect(span.start).toMatch(/^([01]\d|2[0-3]):00$/);
          expect(span.end).toMatch(/^([01]\d|2[0-3]):00$/);
          expect(span.day).toBeGreaterThanOrEqual(0);
          expect(span.day).toBeLessThanOrEqual(6);
        }
        const covered = spans.reduce((sum, s) => {
          const length = (clockMinutes(s.end) - clockMinutes(s.start) + 1440) % 1440 || 1440;
          return sum + length / 60;
        }, 0);
        expect(covered).toBe(grid.flat().filter(Boolean).length);
      }),
    );
  });
});

describe('next start or stop', () => {
  const overnight = spansToGrid(SCHEDULE_PRESET_SPANS.overnight);

  it('says when the hours start', () => {
    expect(nextEdge(overnight, 2, 12)).toEqual({ inHours: false, next: { day: 2, hour: 23 } });
  });

  it('says when the hours stop, on the next day', () => {
    expect(nextEdge(overnight, 2, 23)).toEqual({ inHours: true, next: { day: 3, hour: 7 } });
  });

  it('never changes when nothing or everything is painted', () => {
    expect(nextEdge(emptyGrid(), 0, 0).next).toBeNull();
    expect(nextEdge(spansToGrid(SCHEDULE_PRESET_SPANS.always), 4, 9).next).toBeNull();
  });
});
