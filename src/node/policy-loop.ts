import { decide } from '../policy/index.js';
import type { Decision, PolicyInputs, PolicySettings } from '../api/policy-schemas.js';

export interface PolicyObservations {
  ownerIdleS: number | null;
  onBattery: boolean | null;
  foreignGpu: PolicyInputs['foreignGpu'];
  runningBlockers: string[];
  gpu: PolicyInputs['gpu'];
  energyBudgetW: number | null;
}

export interface PolicyLoopOptions {
  now: () => number;
  timeZone: () => string;
  settings: () => PolicySettings;
  observe: () => PolicyObservations;
  onDecision: (decision: Decision, previous: Decision | null) => void;
  /** How often to look at signals that have no change event (Electron's idle time). */
  pollMs?: number;
}

/**
 * Re-evaluates the pure policy whenever something relevant changes: a signal
 * (`poke()`), the instant the last decision said it would change, or the idle poll.
 */
export class PolicyLoop {
  private last: Decision | null = null;
  private lastActivityAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(private readonly options: PolicyLoopOptions) {}

  start(): void {
    this.poll = setInterval(() => this.poke(), this.options.pollMs ?? 1000);
    this.poll.unref();
    this.poke();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    this.timer = null;
    this.poll = null;
  }

  current(): Decision | null {
    return this.last;
  }

  /** Evaluates now; returns the decision. */
  poke(): Decision {
    const now = this.options.now();
    const settings = this.options.settings();
    const seen = this.options.observe();
    const ownerActive = seen.ownerIdleS !== null && seen.ownerIdleS < settings.idleMinutes * 60;
    if (ownerActive && seen.ownerIdleS !== null) {
      this.lastActivityAt = Math.max(this.lastActivityAt ?? 0, now - seen.ownerIdleS * 1000);
    }
    if (seen.foreignGpu.active || seen.runningBlockers.length > 0) this.lastActivityAt = now;
    const decision = decide({
      now,
      timeZone: this.options.timeZone(),
      settings,
      ownerIdleS: seen.ownerIdleS,
      foreignGpu: seen.foreignGpu,
      runningBlockers: seen.runningBlockers,
      onBattery: seen.onBattery,
      gpu: seen.gpu,
      lastActivityAt: this.lastActivityAt === null ? null : Math.floor(this.lastActivityAt),
      wasPausedForHeat: this.last?.pausedForHeat ?? false,
      energyBudgetW: seen.energyBudgetW,
    });
    const previous = this.last;
    this.last = decision;
    if (!previous || JSON.stringify(previous) !== JSON.stringify(decision)) {
      this.options.onDecision(decision, previous);
    }
    this.schedule(decision, now);
    return decision;
  }

  private schedule(decision: Decision, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (decision.nextChangeAt === null) return;
    // Timers drift and laptops sleep: cap the wait so a resume is noticed promptly.
    const wait = Math.min(Math.max(decision.nextChangeAt - now + 5, 0), 60_000);
    this.timer = setTimeout(() => this.poke(), wait);
    this.timer.unref();
  }
}
