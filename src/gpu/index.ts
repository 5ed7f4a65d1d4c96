// The GPU detector's public surface, for src/node to wire up.
export { createGpuDetector, detectGpus, type DetectOptions, type GpuDetector } from './detector.js';
export { reportFromCapture, SUPPORTED_CAPTURE_FORMATS } from './capture.js';
export { createGpuSampler, GpuSampler, SAMPLE_FIELDS, type SamplerOptions } from './sampler.js';
export {
  applyPowerLimit,
  restorePowerLimits,
  type ApplyPowerLimitOptions,
  type PowerLimitResult,
  type RestoreResult,
} from './power-limit.js';
export {
  foreignGpuProcesses,
  samplePmon,
  FOREIGN_SM_THRESHOLD_PCT,
  type ForeignGpuProcess,
} from './pmon.js';
export { parseNvidiaSmiPmon, type PmonRow } from './nvidia-pmon.js';
export { QUERY_GPU_FIELDS } from './nvidia-query-csv.js';
export { buildVerdict, MIN_SHAREABLE_VRAM_MIB } from './verdict.js';
