import type { EnergyHistoryPoint } from '../api/energy-schemas.js';

export const HISTORY_WINDOW_MS = 60 * 60 * 1000;
/** One point every 8 s is plenty for an hour's chart and caps the window at ~450 points. */
export const HISTORY_SPACING_MS = 8000;

/** The history with `point` added (or replacing a too-recent last point), trimmed to the window. */
export function appendHistory(
  history: readonly EnergyHistoryPoint[],
  point: EnergyHistoryPoint,
  windowMs = HISTORY_WINDOW_MS,
  spacingMs = HISTORY_SPACING_MS,
): EnergyHistoryPoint[] {
  const last = history.at(-1);
  const kept =
    last !== undefined && point.at - last.at < spacingMs ? history.slice(0, -1) : history;
  const since = point.at - windowMs;
  return [...kept.filter((p) => p.at >= since && p.at <= point.at), point];
}
