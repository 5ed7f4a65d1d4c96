import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WalletClock } from '../../../src/wallet/clock.js';

/** Cheap scrypt so a keystore round trip takes milliseconds, not a second. */
export const FAST_SCRYPT = { N: 1 << 10 };
export const PASSWORD = 'correct horse battery';

/** anvil's and hardhat's well-known test phrase: its first address is public knowledge. */
export const TEST_PHRASE = 'test test test test test test test test test test test junk';
export const TEST_PHRASE_ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-wallet-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock whose timers fire only when the test says time has passed. */
export class ManualClock implements WalletClock {
  #now = 1_700_000_000_000;
  #timers: { at: number; fn: () => void; live: boolean }[] = [];

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.#now + ms, fn, live: true };
    this.#timers.push(timer);
    return () => {
      timer.live = false;
    };
  }

  advance(ms: number): void {
    this.#now += ms;
    for (const t of this.#timers) {
      if (t.live && t.at <= this.#now) {
        t.live = false;
        t.fn();
      }
    }
  }

  get pending(): number {
    return this.#timers.filter((t) => t.live).length;
  }
}
