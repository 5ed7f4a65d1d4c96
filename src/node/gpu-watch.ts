import type { GpuSample } from '../api/gpu-schemas.js';
import type { ForeignGpuUse } from '../api/policy-schemas.js';
import { foreignGpuProcesses, samplePmon } from '../gpu/pmon.js';
import { createGpuSampler, type GpuSampler } from '../gpu/sampler.js';

export interface GpuWatchOptions {
  nvidiaSmi?: string;
  now: () => number;
  /** Host PIDs of our own job's processes: never counted as the owner's use. */
  ourPids: () => Promise<Set<number>>;
  /** Owner-set threshold, in SM %. */
  thresholdPct: () => number;
  onSamples: (samples: GpuSample[]) => void;
  onForeignChange: () => void;
  pmonIntervalMs?: number;
}

/**
 * Live telemetry from one long-lived nvidia-smi, and the owner's own GPU use from
 * pmon, for an NVIDIA card. Started only when such a card was detected.
 */
export class GpuWatch {
  private sampler: GpuSampler | null = null;
  private pmonTimer: NodeJS.Timeout | null = null;
  private readonly latest = new Map<number, GpuSample>();
  private foreign: ForeignGpuUse = { active: false, since: null, lastSeenAt: null, programs: [] };
  private polling = false;

  constructor(private readonly options: GpuWatchOptions) {}

  start(): void {
    if (this.sampler) return;
    this.sampler = createGpuSampler(
      this.options.nvidiaSmi ? { nvidiaSmi: this.options.nvidiaSmi } : {},
    );
    this.sampler.on('sample', (sample) => {
      this.latest.set(sample.index, sample);
      this.options.onSamples([...this.latest.values()]);
    });
    this.sampler.on('problem', () => undefined);
    this.sampler.start();
    this.pmonTimer = setInterval(() => void this.pollPmon(), this.options.pmonIntervalMs ?? 2000);
    this.pmonTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.pmonTimer) clearInterval(this.pmonTimer);
    this.pmonTimer = null;
    await this.sampler?.stop();
    this.sampler = null;
  }

  samples(): GpuSample[] {
    return [...this.latest.values()];
  }

  foreignUse(): ForeignGpuUse {
    return this.foreign;
  }

  private async pollPmon(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const rows = await samplePmon(this.options.nvidiaSmi);
      if (rows === null) return;
      const others = foreignGpuProcesses(
        rows,
        await this.options.ourPids(),
        this.options.thresholdPct(),
      );
      const now = this.options.now();
      const active = others.length > 0;
      const next: ForeignGpuUse = {
        active,
        since: active ? (this.foreign.active ? this.foreign.since : now) : null,
        lastSeenAt: active ? now : this.foreign.lastSeenAt,
        programs: [...new Set(others.map((p) => p.command))].slice(0, 50),
      };
      const changed =
        next.active !== this.foreign.active ||
        next.programs.join() !== this.foreign.programs.join();
      this.foreign = next;
      if (changed) this.options.onForeignChange();
    } finally {
      this.polling = false;
    }
  }
}
