/** Locale tags for our two languages; Indonesian clocks read 23.00. */
export function localeOf(language: string): string {
  return language === 'id' ? 'id-ID' : 'en-GB';
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * A moment as an owner says it: "23:00" today, "Sat 08:00" within the week, and a full
 * date beyond that.
 */
export function formatMoment(instant: number, language: string, now: number = Date.now()): string {
  const at = new Date(instant);
  const locale = localeOf(language);
  const clock: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  if (sameDay(at, new Date(now))) return at.toLocaleTimeString(locale, clock);
  const week = 6 * 86_400_000;
  if (instant > now && instant - now < week) {
    return at.toLocaleString(locale, { weekday: 'short', ...clock });
  }
  return at.toLocaleString(locale, { day: 'numeric', month: 'short', ...clock });
}

/** "2 h 05 min" style durations for a running job. */
export function formatDuration(seconds: number): { h: number; m: number } {
  const total = Math.max(0, Math.floor(seconds / 60));
  return { h: Math.floor(total / 60), m: total % 60 };
}
