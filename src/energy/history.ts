import type { EnergyHistoryPoint } from '../api/energy-schemas.js';

export const HISTORY_WINDOW_MS = 60 * 60 * 1000;
/** One point every 8 s is plenty for an hour's chart and caps the window at ~450 points. */
export const HISTORY_SPACING_MS = 8000;

/** The history with `point` added (or replacing the live last point), trimmed to the window. */
export function appendHistory(
  history: readonly EnergyHistoryPoint[],
  point: EnergyHistoryPoint,
  windowMs = HISTORY_WINDOW_MS,
  spacingMs = HISTORY_SPACING_MS,
): EnergyHistoryPoint[] {
  // The newest point is the live one: it is replaced until it is `spacingMs` past the
  // point before it, so the chart always reaches "now" and keeps a steady spacing.
  const previous = history.at(-2);
  const kept =
    previous !== undefined && point.at - previous.at < spacingMs ? history.slice(0, -1) : history;
  const since = point.at - windowMs;
  return [...kept.filter((p) => p.at >= since && p.at <= point.at), point];
}
