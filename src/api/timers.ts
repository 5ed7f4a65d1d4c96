/**
 * `src/api` compiles without Node or DOM types, yet both have timers: reach them
 * through globalThis with the one signature we use.
 */
interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
}

export function later(callback: () => void, ms: number): void {
  (globalThis as unknown as Timers).setTimeout(callback, ms);
}
