import { msg, type Message } from '../api/message.js';
import type { Status } from '../api/status-schemas.js';
import { applyPowerLimit, restorePowerLimits } from '../gpu/power-limit.js';
import { initialDutyCycleState, stepDutyCycle, type DutyCycleState } from '../policy/duty-cycle.js';
import type { RunningJob } from '../sandbox/job-run.js';

export interface PowerCapOptions {
  nvidiaSmi?: string;
  stateFile: string;
  /** Present draw of the job's card in W, or null when unknown. */
  drawW: () => number | null;
  log: (line: string) => void;
  /** One run + pause cycle of duty-cycling; shorter only in tests. */
  periodMs?: number;
}

/**
 * Holds a GPU job under the policy's power budget: the card's own power limit where
 * the app may set it, otherwise duty-cycling the container (pause/unpause) so that the
 * average measured draw stays under the budget.
 */
export class PowerCap {
  private method: Status['power']['method'] = 'none';
  private reason: Message | null = null;
  private budgetW: number | null = null;
  private job: RunningJob | null = null;
  private duty: DutyCycleState = initialDutyCycleState();
  private timer: NodeJS.Timeout | null = null;
  private readings: number[] = [];

  constructor(private readonly options: PowerCapOptions) {}

  /** Share of each period the job runs while duty-cycling (1 = not held back). */
  dutyShare(): number {
    return this.method === 'dutyCycle' ? this.duty.share : 1;
  }

  state(): Status['power'] {
    return { budgetW: this.budgetW, method: this.method, methodReason: this.reason };
  }

  /** At start: undo a limit a crash left on the card. Returns the watts restored, if any. */
  async recover(): Promise<number[]> {
    try {
      const results = await restorePowerLimits(
        this.options.stateFile,
        this.options.nvidiaSmi ? { nvidiaSmi: this.options.nvidiaSmi } : {},
      );
      return results.filter((r) => r.restored).map((r) => r.originalW);
    } catch (error) {
      this.options.log(
        `power limit restore: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  }

  /** Applies a budget to a running GPU job on card `index`; null budget lifts the cap. */
  async hold(job: RunningJob | null, index: number, budgetW: number | null): Promise<void> {
    if (job === null || budgetW === null) return this.release();
    this.job = job;
    if (this.budgetW === budgetW && this.method !== 'none') return;
    this.budgetW = budgetW;
    const result = await applyPowerLimit({
      index,
      watts: Math.round(budgetW),
      stateFile: this.options.stateFile,
      ...(this.options.nvidiaSmi ? { nvidiaSmi: this.options.nvidiaSmi } : {}),
    });
    if (result.applied) {
      this.stopDutyCycle();
      this.method = 'powerLimit';
      this.reason = msg('node:power.powerLimit', { watts: result.watts });
      return;
    }
    this.method = 'dutyCycle';
    this.reason = msg('node:power.dutyCycle');
    this.startDutyCycle();
  }

  async release(): Promise<void> {
    this.stopDutyCycle();
    if (this.method === 'powerLimit') await this.recover();
    this.method = 'none';
    this.reason = null;
    this.budgetW = null;
    this.job = null;
  }

  private startDutyCycle(): void {
    if (this.timer) return;
    this.duty = initialDutyCycleState();
    this.readings = [];
    const periodMs = this.options.periodMs ?? 10_000;
    const sampler = setInterval(
      () => {
        const w = this.options.drawW();
        if (w !== null) this.readings.push(w);
      },
      Math.max(20, periodMs / 40),
    );
    sampler.unref();
    const cycle = async (): Promise<void> => {
      if (!this.job || this.budgetW === null) return;
      const measured =
        this.readings.length > 0
          ? this.readings.reduce((a, b) => a + b, 0) / this.readings.length
          : null;
      this.readings = [];
      if (measured !== null) {
        const out = stepDutyCycle(this.duty, { measuredAvgW: measured, capW: this.budgetW });
        this.duty = out.state;
      }
      const pauseMs = Math.round((1 - this.duty.share) * periodMs);
      if (pauseMs > 50 && this.job.state() === 'running') {
        await this.job.pause().catch(() => undefined);
        await new Promise((r) => setTimeout(r, pauseMs).unref());
        if (this.job?.state() === 'paused') await this.job.resume().catch(() => undefined);
      }
      this.timer = setTimeout(() => void cycle(), Math.max(periodMs - pauseMs, 100));
      this.timer.unref();
    };
    this.timer = setTimeout(() => void cycle(), periodMs);
    this.timer.unref();
    const stopSampler = () => clearInterval(sampler);
    this.stopSampling = stopSampler;
  }

  private stopSampling: () => void = () => undefined;

  private stopDutyCycle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopSampling();
  }
}
