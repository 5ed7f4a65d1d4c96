import { localeOf } from './format-time';

/** Monday first, as calendars in Indonesia and most of the world print the week. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

// 1 January 2023 was a Sunday, so day n of that week is weekday n.
export function weekdayName(
  day: number,
  language: string,
  style: 'long' | 'short' = 'long',
): string {
  return new Date(2023, 0, 1 + day).toLocaleDateString(localeOf(language), { weekday: style });
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
