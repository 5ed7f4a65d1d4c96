import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (for countdowns). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Whole days, hours, minutes and seconds left until `at` (never negative). */
export function countdown(at: number, now: number): { d: number; h: number; m: number; s: number } {
  const left = Math.max(0, Math.floor((at - now) / 1000));
  return {
    d: Math.floor(left / 86_400),
    h: Math.floor((left % 86_400) / 3600),
    m: Math.floor((left % 3600) / 60),
    s: left % 60,
  };
}
