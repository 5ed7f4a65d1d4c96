/** Time as the wallet sees it, injectable so the auto-lock is testable without waiting. */
export interface WalletClock {
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. Must not keep the process alive. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const systemClock: WalletClock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
