import { z } from 'zod';
import { MessageSchema } from './message.js';

/**
 * One normalized model for every vendor's GPU. Anything a tool could not tell us is
 * `null` rather than a guess, so the UI can say "unknown" instead of a wrong number.
 */
export const GpuVendorSchema = z.enum(['nvidia', 'amd', 'intel', 'apple', 'other']);
export type GpuVendor = z.infer<typeof GpuVendorSchema>;

const nullableNumber = z.number().nullable();

export const GpuPowerSchema = z.object({
  drawW: nullableNumber,
  limitW: nullableNumber,
  defaultLimitW: nullableNumber,
  minLimitW: nullableNumber,
  maxLimitW: nullableNumber,
});
export type GpuPower = z.infer<typeof GpuPowerSchema>;

export const GpuProcessTypeSchema = z.enum(['compute', 'graphics', 'unknown']);
export type GpuProcessType = z.infer<typeof GpuProcessTypeSchema>;

export const GpuProcessSchema = z.object({
  pid: z.number().int().nonnegative(),
  name: z.string(),
  usedMiB: nullableNumber,
  type: GpuProcessTypeSchema,
});
export type GpuProcess = z.infer<typeof GpuProcessSchema>;

export const GpuSchema = z.object({
  /** Index within its own vendor tool (`nvidia-smi -i`, rocm-smi card number). */
  index: z.number().int().nonnegative(),
  uuid: z.string().nullable(),
  vendor: GpuVendorSchema,
  model: z.string(),
  vramMiB: nullableNumber,
  vramUsedMiB: nullableNumber,
  driverVersion: z.string().nullable(),
  cudaVersion: z.string().nullable(),
  /** NVIDIA compute capability ("8.6"); for AMD the gfx target ("gfx1031"). */
  computeCapability: z.string().nullable(),
  power: GpuPowerSchema,
  temperatureC: nullableNumber,
  utilizationPct: nullableNumber,
  fanPct: nullableNumber,
  mig: z.object({ enabled: z.boolean(), instances: z.number().int().nonnegative() }),
  processes: z.array(GpuProcessSchema),
  busId: z.string().nullable(),
  isIntegrated: z.boolean(),
});
export type Gpu = z.infer<typeof GpuSchema>;

export const ToolStateSchema = z.object({
  state: z.enum(['ok', 'missing', 'error', 'timeout']),
  version: z.string().nullable(),
  problem: MessageSchema.nullable(),
});
export type ToolState = z.infer<typeof ToolStateSchema>;

export const GpuVerdictSchema = z.object({
  /** True when at least one GPU can take GPU jobs now. CPU jobs never depend on it. */
  canShare: z.boolean(),
  headline: MessageSchema,
  reasons: z.array(MessageSchema),
  fixes: z.array(MessageSchema),
});
export type GpuVerdict = z.infer<typeof GpuVerdictSchema>;

export const GpuReportSchema = z.object({
  detectedAt: z.iso.datetime(),
  source: z.enum(['live', 'capture']),
  tools: z.object({
    systeminformation: ToolStateSchema,
    nvidiaSmi: ToolStateSchema,
    rocmSmi: ToolStateSchema,
  }),
  gpus: z.array(GpuSchema),
  verdict: GpuVerdictSchema,
});
export type GpuReport = z.infer<typeof GpuReportSchema>;

/** One live telemetry reading of one GPU. */
export const GpuSampleSchema = z.object({
  at: z.iso.datetime(),
  uuid: z.string().nullable(),
  index: z.number().int().nonnegative(),
  powerW: nullableNumber,
  temperatureC: nullableNumber,
  utilizationPct: nullableNumber,
  memoryUsedMiB: nullableNumber,
});
export type GpuSample = z.infer<typeof GpuSampleSchema>;
