import type Docker from 'dockerode';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { z } from 'zod';
import type {
  JobMetering,
  JobOutcome,
  JobResult,
  JobSpec,
  StopReason,
} from '../api/sandbox-schemas.js';
import { checkImageConfig } from './admission.js';
import { buildContainerOptions } from './container-options.js';
import { ensureEgressNetwork } from './egress-network.js';
import { explainEngineError } from './engine-errors.js';
import { SandboxError } from './errors.js';
import { resolvePinnedImage } from './image-resolve.js';
import { fetchInputs } from './inputs.js';
import { LogTail, sanitizeLog } from './log-tail.js';
import { folderUsage, hashResults } from './results-hash.js';
import { RunMeter } from './run-meter.js';

export type JobState = 'preparing' | 'running' | 'paused' | 'stopping' | 'finished';

export interface RunHooks {
  onState?(state: JobState): void;
  /** Output as it arrives, control characters removed. */
  onLog?(text: string): void;
  /** Present power draw of the granted GPUs in watts, or null when unknown. */
  powerW?(): number | null;
}

export interface RunningJob {
  readonly jobId: string;
  /** Host folder that was the job's /out; kept until the runner is told to discard it. */
  readonly resultsDir: string;
  state(): JobState;
  /** Freezes the job (cgroup freezer): no CPU or GPU work, memory kept. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** SIGTERM, then SIGKILL after the grace period. Safe to call at any point, more than once. */
  stop(reason?: StopReason): Promise<void>;
  /** A fresh reading of the job's metering. */
  metering(): Promise<JobMetering>;
  /**
   * Settles when the job is over and its container removed. Rejects with a SandboxError
   * only when the job never ran (inputs, image, or the engine refused the container).
   */
  readonly done: Promise<JobResult>;
}

export interface JobRunConfig {
  docker: Docker;
  jobDir: string;
  nodeId: string;
  gpuDeviceIds: readonly string[];
  stopGraceS: number;
  logCapBytes: number;
  sampleIntervalMs: number;
  allowPull: boolean;
  egressNetwork: string;
  now: () => number;
  fetch?: typeof fetch;
}

const StatsSchema = z.looseObject({
  cpu_stats: z
    .looseObject({ cpu_usage: z.looseObject({ total_usage: z.number() }).optional() })
    .optional(),
  memory_stats: z
    .looseObject({ usage: z.number().optional(), max_usage: z.number().optional() })
    .optional(),
});
const InspectSchema = z.looseObject({
  State: z.looseObject({
    Status: z.string().optional(),
    ExitCode: z.number().int(),
    OOMKilled: z.boolean().optional(),
  }),
});

const statusCode = (err: unknown): number | null =>
  typeof err === 'object' &&
  err !== null &&
  'statusCode' in err &&
  typeof err.statusCode === 'number'
    ? err.statusCode
    : null;

const MiB = 1024 * 1024;

export class JobRun implements RunningJob {
  readonly jobId: string;
  readonly resultsDir: string;
  readonly done: Promise<JobResult>;
  private readonly inputsDir: string;
  private phase: JobState = 'preparing';
  private container: Docker.Container | null = null;
  private stopReason: StopReason | null = null;
  private readonly meter: RunMeter;
  private readonly logs: LogTail;
  private timeoutTimer: NodeJS.Timeout | null = null;
  private sampleTimer: NodeJS.Timeout | null = null;
  private inFlightSample: Promise<void> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly started: Promise<boolean>;
  private markStarted: (ran: boolean) => void = () => undefined;

  constructor(
    private readonly spec: JobSpec,
    private readonly config: JobRunConfig,
    private readonly hooks: RunHooks = {},
  ) {
    this.jobId = spec.id;
    this.resultsDir = join(config.jobDir, 'out');
    this.inputsDir = join(config.jobDir, 'in');
    this.meter = new RunMeter(config.now, spec.kind === 'gpu' ? spec.resources.gpus : 0);
    this.logs = new LogTail(config.logCapBytes);
    this.started = new Promise((resolve) => (this.markStarted = resolve));
    this.done = this.execute();
  }

  state(): JobState {
    return this.phase;
  }

  pause(): Promise<void> {
    return this.serialize(async () => {
      if (!(await this.started) || this.phase !== 'running' || this.stopReason) return;
      try {
        await this.container!.pause();
      } catch (err) {
        if (this.phase !== 'running') return;
        throw new SandboxError(explainEngineError(err));
      }
      this.meter.pause();
      this.clearTimeout();
      this.setPhase('paused');
    });
  }

  resume(): Promise<void> {
    return this.serialize(async () => {
      if (!(await this.started) || this.phase !== 'paused') return;
      try {
        await this.container!.unpause();
      } catch (err) {
        if (this.phase !== 'paused') return;
        throw new SandboxError(explainEngineError(err));
      }
      this.meter.resume();
      this.setPhase('running');
      this.armTimeout();
    });
  }

  async stop(reason: StopReason = 'requested'): Promise<void> {
    if (this.phase === 'finished') return;
    this.stopReason ??= reason;
    // Still preparing: execute() sees the flag before or right after it starts the container.
    if (this.phase === 'preparing') return;
    await this.serialize(() => this.kill());
  }

  async metering(): Promise<JobMetering> {
    if (this.phase === 'running' || this.phase === 'paused') await this.sample();
    return this.meter.reading();
  }

  private serialize<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private setPhase(phase: JobState): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.hooks.onState?.(phase);
  }

  private async kill(): Promise<void> {
    const container = this.container;
    if (!container || this.phase === 'finished' || this.phase === 'preparing') return;
    this.clearTimeout();
    if (this.phase === 'paused') {
      // A frozen process cannot act on SIGTERM; thaw it so the grace period means something.
      await container.unpause().catch(() => undefined);
      this.meter.resume();
    }
    this.setPhase('stopping');
    await container.stop({ t: this.config.stopGraceS }).catch((err: unknown) => {
      // 304: already stopped; 404: already gone. Both mean the job is not running.
      const code = statusCode(err);
      if (code !== 304 && code !== 404) throw new SandboxError(explainEngineError(err));
    });
  }

  private armTimeout(): void {
    this.clearTimeout();
    // The limit counts running time: an owner's pause should not eat the buyer's time.
    const remainingMs = Math.max(0, (this.spec.maxDurationS - this.meter.runningSeconds()) * 1000);
    this.timeoutTimer = setTimeout(() => void this.stop('timeout'), remainingMs);
  }

  private clearTimeout(): void {
    if (this.timeoutTimer) clearTimeout(this.timeoutTimer);
    this.timeoutTimer = null;
  }

  private sample(): Promise<void> {
    this.inFlightSample ??= this.takeSample().finally(() => (this.inFlightSample = null));
    return this.inFlightSample;
  }

  private async takeSample(): Promise<void> {
    const container = this.container;
    if (!container) return;
    try {
      const stats = StatsSchema.safeParse(
        await container.stats({ stream: false, 'one-shot': true }),
      );
      const total = stats.success ? stats.data.cpu_stats?.cpu_usage?.total_usage : undefined;
      if (total !== undefined) this.meter.recordCpuNs(total);
      const memory = stats.success ? stats.data.memory_stats : undefined;
      const bytes = memory?.max_usage ?? memory?.usage;
      if (bytes !== undefined) this.meter.recordMemoryBytes(bytes);
    } catch {
      // The container may have just exited; the last good reading stands.
    }
    this.meter.recordPowerW(this.hooks.powerW?.() ?? null);
    if (this.phase === 'running') {
      // /out is a host folder: watch it so a job cannot fill the owner's disk.
      const usage = await folderUsage(this.resultsDir).catch(() => null);
      if (usage && usage.bytes > this.spec.resources.scratchMiB * MiB)
        void this.stop('outputTooLarge');
    }
  }

  private collectLogs(stream: NodeJS.ReadableStream): Promise<void> {
    const sink = new Writable({
      write: (chunk: Buffer, _enc, callback) => {
        this.logs.append(chunk);
        this.hooks.onLog?.(sanitizeLog(chunk.toString('utf8')));
        callback();
      },
    });
    this.config.docker.modem.demuxStream(stream, sink, sink);
    return new Promise((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
  }

  private async prepareFolders(): Promise<void> {
    await rm(this.config.jobDir, { recursive: true, force: true });
    await mkdir(this.config.jobDir, { recursive: true, mode: 0o700 });
    await chmod(this.config.jobDir, 0o700);
    await mkdir(this.inputsDir, { mode: 0o755 });
    await mkdir(this.resultsDir);
    // The job writes here as uid 65534 (or a remapped uid under rootless engines); the
    // parent folder is 0700, so nobody else on the PC can reach it.
    await chmod(this.resultsDir, 0o777);
  }

  private async removeContainer(): Promise<void> {
    const container = this.container;
    if (!container) return;
    await container.remove({ force: true, v: true }).catch((err: unknown) => {
      if (statusCode(err) !== 404) throw err;
    });
  }

  private async execute(): Promise<JobResult> {
    try {
      await this.prepareFolders();
      await fetchInputs(
        this.spec.inputs,
        this.inputsDir,
        this.config.fetch ? { fetch: this.config.fetch } : {},
      );
      if (this.stopReason) return await this.finishUnstarted();
      const docker = this.config.docker;
      const imageId = await resolvePinnedImage(docker, this.spec.image, this.config.allowPull);
      const imageCheck = checkImageConfig(await docker.getImage(imageId).inspect());
      if (!imageCheck.ok) throw new SandboxError(imageCheck.reason);
      if (this.spec.egress) await ensureEgressNetwork(docker, this.config.egressNetwork);
      const options = buildContainerOptions(this.spec, {
        imageId,
        outDir: this.resultsDir,
        inputsDir: this.inputsDir,
        gpuDeviceIds: this.config.gpuDeviceIds,
        egressNetwork: this.config.egressNetwork,
        stopGraceS: this.config.stopGraceS,
      });
      options.Labels = { ...options.Labels, 'lumbung.node': this.config.nodeId };
      try {
        this.container = await docker.createContainer(options);
      } catch (err) {
        throw new SandboxError(explainEngineError(err));
      }
      if (this.stopReason) return await this.finishUnstarted();
      const logsEnded = this.collectLogs(
        await this.container.attach({ stream: true, stdout: true, stderr: true }),
      );
      try {
        await this.container.start();
      } catch (err) {
        throw new SandboxError(explainEngineError(err));
      }
      return await this.supervise(logsEnded);
    } catch (err) {
      this.markStarted(false);
      this.stopTimers();
      await this.removeContainer().catch(() => undefined);
      this.setPhase('finished');
      if (err instanceof SandboxError) throw err;
      throw new SandboxError(explainEngineError(err));
    }
  }

  private async supervise(logsEnded: Promise<void>): Promise<JobResult> {
    const container = this.container!;
    this.meter.start();
    this.setPhase('running');
    this.armTimeout();
    this.sampleTimer = setInterval(() => void this.sample(), this.config.sampleIntervalMs);
    this.markStarted(true);
    if (this.stopReason) void this.serialize(() => this.kill());

    let exit: { exitCode: number; oomKilled: boolean } | null = null;
    try {
      await container.wait();
      const inspect = InspectSchema.safeParse(await container.inspect());
      // 'removing' / 'dead': someone else is tearing the container down, not the job ending.
      const status = inspect.success ? inspect.data.State.Status : undefined;
      if (inspect.success && status !== 'removing' && status !== 'dead')
        exit = {
          exitCode: inspect.data.State.ExitCode,
          oomKilled: inspect.data.State.OOMKilled === true,
        };
    } catch {
      // The container vanished under us (engine restart, removed from outside).
      exit = null;
    }
    this.stopTimers();
    this.meter.end();
    await Promise.race([logsEnded, new Promise((resolve) => setTimeout(resolve, 2000))]);
    try {
      const resultsSha256 = await hashResults(this.resultsDir);
      return this.result(
        exit ? this.outcome(exit) : 'interrupted',
        exit?.exitCode ?? null,
        resultsSha256,
      );
    } finally {
      await this.removeContainer().catch(() => undefined);
      this.setPhase('finished');
    }
  }

  private outcome(exit: { exitCode: number; oomKilled: boolean }): JobOutcome {
    switch (this.stopReason) {
      case 'timeout':
        return 'timeout';
      case 'outputTooLarge':
        return 'failed';
      case null:
        break;
      default:
        return 'stopped';
    }
    if (exit.oomKilled) return 'oom';
    return exit.exitCode === 0 ? 'succeeded' : 'failed';
  }

  private result(outcome: JobOutcome, exitCode: number | null, resultsSha256: string): JobResult {
    return {
      jobId: this.jobId,
      exitCode,
      outcome,
      stopReason: this.stopReason,
      resultsSha256,
      metering: this.meter.reading(),
      logTail: this.logs.text(),
    };
  }

  private async finishUnstarted(): Promise<JobResult> {
    await this.removeContainer();
    this.markStarted(false);
    const resultsSha256 = await hashResults(this.resultsDir);
    this.setPhase('finished');
    return this.result('stopped', null, resultsSha256);
  }

  private stopTimers(): void {
    this.clearTimeout();
    if (this.sampleTimer) clearInterval(this.sampleTimer);
    this.sampleTimer = null;
  }
}
