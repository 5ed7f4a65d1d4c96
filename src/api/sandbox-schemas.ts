import { z } from 'zod';
import { MessageSchema } from './message.js';

/**
 * The sandbox's contract: what a job may ask for, what the owner allows, what the
 * container engine can do, and what a finished job reports. Platform-free on purpose:
 * the UI shows these, the core enforces them.
 */

/** Job ids become container names and directory names, so they cannot hold `/` or `..`. */
export const JobIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);

/** `name@sha256:<64 hex>`; the name may carry a registry host, port and tag. */
export const PINNED_IMAGE_PATTERN = /^([a-z0-9][a-z0-9._\-/:]*)@sha256:([0-9a-f]{64})$/;

/** Used when a job does not say how many processes it needs. */
export const DEFAULT_PIDS_LIMIT = 256;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** Token amounts in base units (18 decimals), as a decimal string: never a float. */
export const DecimalStringSchema = z.string().regex(/^(0|[1-9][0-9]{0,77})$/);
const NoNulString = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\0'), 'NUL byte');

export const JobInputSchema = z.strictObject({
  // A bare file name: it is written under the job's inputs folder.
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/),
  url: z.url({ protocol: /^https?$/ }),
  sha256: Sha256HexSchema,
});
export type JobInput = z.infer<typeof JobInputSchema>;

export const JobResourcesSchema = z.strictObject({
  gpus: z.number().int().min(0).max(16),
  vramMiB: z.number().int().min(0).max(1_048_576),
  cpus: z.number().positive().max(256),
  // Docker refuses less than 6 MiB.
  memoryMiB: z.number().int().min(6).max(4_194_304),
  scratchMiB: z.number().int().min(1).max(4_194_304),
  pids: z.number().int().min(8).max(65_536).optional(),
});
export type JobResources = z.infer<typeof JobResourcesSchema>;

export const JobSpecSchema = z
  .strictObject({
    id: JobIdSchema,
    kind: z.enum(['cpu', 'gpu']),
    // Kept a plain string here: an unpinned image is a reason to decline, not a parse error.
    image: z.string().min(1).max(512),
    command: z.array(NoNulString(4096)).min(1).max(256),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/), NoNulString(4096)),
    resources: JobResourcesSchema,
    maxDurationS: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600),
    egress: z.boolean(),
    inputs: z
      .array(JobInputSchema)
      .max(32)
      .refine(
        (list) => new Set(list.map((i) => i.name)).size === list.length,
        'input names must be unique',
      ),
    pricePerGpuHour: DecimalStringSchema,
  })
  .refine((spec) => Object.keys(spec.env).length <= 64, 'too many env entries');
export type JobSpec = z.infer<typeof JobSpecSchema>;

/**
 * What a coordinator actually sends. Deliberately loose: hostile fields (`privileged`,
 * `mounts`, `capAdd`, …) must survive parsing so admission can decline them by name
 * instead of failing with a generic parse error. Only "is it an object" is checked here.
 */
export const OfferedJobSchema = z.looseObject({
  id: z.unknown().optional(),
  kind: z.unknown().optional(),
  image: z.unknown().optional(),
  command: z.unknown().optional(),
  env: z.unknown().optional(),
  resources: z.unknown().optional(),
  maxDurationS: z.unknown().optional(),
  egress: z.unknown().optional(),
  inputs: z.unknown().optional(),
  pricePerGpuHour: z.unknown().optional(),
  privileged: z.unknown().optional(),
  mounts: z.unknown().optional(),
  binds: z.unknown().optional(),
  capAdd: z.unknown().optional(),
  devices: z.unknown().optional(),
  hostNetwork: z.unknown().optional(),
  hostPid: z.unknown().optional(),
  hostIpc: z.unknown().optional(),
});
export type OfferedJob = z.infer<typeof OfferedJobSchema>;

export const OwnerLimitsSchema = z.strictObject({
  maxCpus: z.number().positive(),
  maxMemoryMiB: z.number().int().positive(),
  maxScratchMiB: z.number().int().positive(),
  maxDurationS: z.number().int().positive(),
  maxPids: z.number().int().min(8).default(4096),
  allowEgress: z.boolean(),
  allowGpu: z.boolean(),
  maxGpus: z.number().int().min(0).default(1),
  maxVramMiB: z.number().int().min(0),
  /** Price floor per GPU-hour in token base units; absent means any price. */
  minPricePerGpuHour: DecimalStringSchema.optional(),
});
export type OwnerLimits = z.infer<typeof OwnerLimitsSchema>;

export const EngineGpuStatusSchema = z.strictObject({
  /** The engine can hand GPUs to containers (NVIDIA runtime or CDI devices). */
  runtime: z.boolean(),
  toolkitVersion: z.string().nullable(),
  /** Runtime present and its toolkit is not known to be exploitable. */
  safe: z.boolean(),
  problem: MessageSchema.nullable(),
});

export const EngineStatusSchema = z.strictObject({
  found: z.boolean(),
  kind: z.enum(['docker', 'podman']).nullable(),
  version: z.string().nullable(),
  apiVersion: z.string().nullable(),
  socket: z.string().nullable(),
  gpu: EngineGpuStatusSchema,
  problem: MessageSchema.nullable(),
  fixes: z.array(MessageSchema),
});
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

export const JobOutcomeSchema = z.enum([
  'succeeded',
  'failed',
  'timeout',
  'oom',
  'stopped',
  'interrupted',
]);
export type JobOutcome = z.infer<typeof JobOutcomeSchema>;

export const StopReasonSchema = z.enum([
  'requested',
  'preempted',
  'timeout',
  'outputTooLarge',
  'shutdown',
]);
export type StopReason = z.infer<typeof StopReasonSchema>;

export const JobMeteringSchema = z.strictObject({
  runningS: z.number().min(0),
  pausedS: z.number().min(0),
  cpuS: z.number().min(0),
  gpuS: z.number().min(0),
  energyWh: z.number().min(0).nullable(),
  /** Highest memory use the engine reported, in MiB; null before the first reading. */
  peakMemoryMiB: z.number().min(0).nullable(),
});
export type JobMetering = z.infer<typeof JobMeteringSchema>;

export const JobResultSchema = z.strictObject({
  jobId: JobIdSchema,
  exitCode: z.number().int().nullable(),
  outcome: JobOutcomeSchema,
  stopReason: StopReasonSchema.nullable(),
  /** sha256 over /out: every entry in byte order of its path, see src/sandbox/results-hash.ts. */
  resultsSha256: Sha256HexSchema,
  metering: JobMeteringSchema,
  logTail: z.string(),
});
export type JobResult = z.infer<typeof JobResultSchema>;
