import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import type { GpuSample } from '../api/gpu-schemas.js';
import { msg, type Message } from '../api/message.js';
import { nvidiaFailureProblem } from './nvidia-errors.js';
import { parseQueryGpuCsv, queryGpuArgs } from './nvidia-query-csv.js';
import { integerOrNull, numberOrNull, textOrNull } from './values.js';

export const SAMPLE_FIELDS = [
  'index',
  'uuid',
  'power.draw',
  'temperature.gpu',
  'utilization.gpu',
  'memory.used',
] as const;

export interface SamplerOptions {
  nvidiaSmi?: string;
  intervalMs?: number;
  /** First and largest wait before restarting a dead nvidia-smi. */
  backoff?: { initialMs: number; maxMs: number };
  now?: () => Date;
}

export interface SamplerEvents {
  sample: [GpuSample];
  /** nvidia-smi stopped or could not start; the sampler will try again. */
  problem: [Message];
}

/** Parses one output line of the sampling query; null for lines that are not a sample. */
export function parseSampleLine(line: string, at: Date): GpuSample | null {
  let rows;
  try {
    rows = parseQueryGpuCsv(line, SAMPLE_FIELDS);
  } catch {
    return null;
  }
  const row = rows[0];
  const index = integerOrNull(row?.['index']);
  if (row === undefined || index === null) return null;
  return {
    at: at.toISOString(),
    uuid: textOrNull(row['uuid']),
    index,
    powerW: numberOrNull(row['power.draw']),
    temperatureC: numberOrNull(row['temperature.gpu']),
    utilizationPct: numberOrNull(row['utilization.gpu']),
    memoryUsedMiB: numberOrNull(row['memory.used']),
  };
}

/**
 * Live telemetry from one long-lived `nvidia-smi --query-gpu … -lms N` process (a spawn
 * per sample would cost a driver round trip each time). If nvidia-smi dies it is
 * restarted after a growing pause, reset once it delivers samples again.
 */
export class GpuSampler extends EventEmitter<SamplerEvents> {
  private child: ChildProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private delayMs: number;
  private readonly file: string;
  private readonly intervalMs: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly now: () => Date;

  constructor(options: SamplerOptions = {}) {
    super();
    this.file = options.nvidiaSmi ?? 'nvidia-smi';
    this.intervalMs = Math.max(100, Math.round(options.intervalMs ?? 1000));
    this.backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    this.delayMs = this.backoff.initialMs;
    this.now = options.now ?? (() => new Date());
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.delayMs = this.backoff.initialMs;
    this.launch();
  }

  /** Stops sampling and waits until nvidia-smi has exited. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(force);
  }

  private launch(): void {
    const args = [...queryGpuArgs(SAMPLE_FIELDS), '-lms', String(this.intervalMs)];
    const child = spawn(this.file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    let errorText = '';
    let spawnFailed = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      errorText = (errorText + chunk.toString('utf8')).slice(-4096);
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const sample = parseSampleLine(line, this.now());
      if (sample === null) {
        errorText = (errorText + '\n' + line).slice(-4096);
        return;
      }
      this.delayMs = this.backoff.initialMs;
      this.emit('sample', sample);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnFailed = true;
      if (this.stopped) return;
      const problem =
        error.code === 'ENOENT'
          ? msg('gpu:problem.toolMissing', { tool: 'nvidia-smi' })
          : msg('gpu:problem.sampler.stopped');
      this.emit('problem', problem);
      this.scheduleRestart();
    });
    child.once('close', (code) => {
      if (this.child === child) this.child = null;
      if (this.stopped || spawnFailed) return;
      this.emit(
        'problem',
        errorText.trim() === ''
          ? msg('gpu:problem.sampler.stopped')
          : nvidiaFailureProblem(errorText, code),
      );
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.backoff.maxMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.launch();
    }, delay);
  }
}

export function createGpuSampler(options: SamplerOptions = {}): GpuSampler {
  return new GpuSampler(options);
}
