import type { JobMetering } from '../api/sandbox-schemas.js';

/**
 * Splits a job's life into running and paused time, and integrates sampled power over
 * running time only. The clock is injected so the arithmetic is testable without waiting.
 */
export class RunMeter {
  private runningMs = 0;
  private pausedMs = 0;
  private since: number | null = null;
  private phase: 'idle' | 'running' | 'paused' | 'ended' = 'idle';
  private cpuNs = 0;
  private energyWh: number | null = null;
  private peakMemoryBytes: number | null = null;
  private lastPowerAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly gpus: number,
  ) {}

  private settle(): void {
    if (this.since === null) return;
    const t = this.now();
    const elapsed = Math.max(0, t - this.since);
    if (this.phase === 'running') this.runningMs += elapsed;
    if (this.phase === 'paused') this.pausedMs += elapsed;
    this.since = t;
  }

  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'running';
    this.since = this.now();
    this.lastPowerAt = this.since;
  }

  pause(): void {
    if (this.phase !== 'running') return;
    this.settle();
    this.phase = 'paused';
  }

  resume(): void {
    if (this.phase !== 'paused') return;
    this.settle();
    this.phase = 'running';
    // Power drawn while frozen is not the job's to bill.
    this.lastPowerAt = this.now();
  }

  end(): void {
    this.settle();
    this.phase = 'ended';
    this.since = null;
  }

  /** Cumulative CPU time reported by the engine; readings never go backwards. */
  recordCpuNs(totalNs: number): void {
    if (Number.isFinite(totalNs) && totalNs > this.cpuNs) this.cpuNs = totalNs;
  }

  /** Memory in use now (bytes, from the engine's stats); the peak is kept. */
  recordMemoryBytes(bytes: number): void {
    if (Number.isFinite(bytes) && bytes >= 0)
      this.peakMemoryBytes = Math.max(this.peakMemoryBytes ?? 0, bytes);
  }

  /** A power sample (watts) taken now; counts for the running time since the previous one. */
  recordPowerW(watts: number | null): void {
    if (this.phase !== 'running' || watts === null || !Number.isFinite(watts) || watts < 0) return;
    const t = this.now();
    const from = this.lastPowerAt ?? t;
    this.energyWh = (this.energyWh ?? 0) + (watts * Math.max(0, t - from)) / 3_600_000;
    this.lastPowerAt = t;
  }

  runningSeconds(): number {
    this.settle();
    return this.runningMs / 1000;
  }

  reading(): JobMetering {
    this.settle();
    const runningS = this.runningMs / 1000;
    return {
      runningS,
      pausedS: this.pausedMs / 1000,
      cpuS: this.cpuNs / 1e9,
      gpuS: runningS * this.gpus,
      energyWh: this.energyWh,
      peakMemoryMiB: this.peakMemoryBytes === null ? null : this.peakMemoryBytes / (1024 * 1024),
    };
  }
}
