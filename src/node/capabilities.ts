import { cpus, totalmem } from 'node:os';
import type { GpuReport } from '../api/gpu-schemas.js';
import type { Capabilities } from '../api/protocol-schemas.js';
import type { EngineStatus, OwnerLimits } from '../api/sandbox-schemas.js';
import type { Settings } from '../api/settings-schemas.js';

/** The owner's job limits as the sandbox's admission reads them. */
export function ownerLimits(settings: Settings, report: GpuReport | null): OwnerLimits {
  const shareable = report?.verdict.canShare
    ? report.gpus.filter((g) => g.vendor === 'nvidia')
    : [];
  const vram = shareable.reduce((max, g) => Math.max(max, g.vramMiB ?? 0), 0);
  return {
    maxCpus: settings.limits.maxCpus,
    maxMemoryMiB: settings.limits.maxMemoryMiB,
    maxScratchMiB: settings.limits.maxScratchMiB,
    maxDurationS: settings.limits.maxDurationS,
    maxPids: 4096,
    allowEgress: settings.limits.allowEgress,
    allowGpu: settings.limits.allowGpu && shareable.length > 0,
    maxGpus: shareable.length > 0 ? 1 : 0,
    maxVramMiB: vram,
    minPricePerGpuHour: settings.pricing.floorPerGpuHour,
  };
}

/** What the node tells a network it can do. */
export function capabilitiesOf(
  settings: Settings,
  report: GpuReport | null,
  engine: EngineStatus,
): Capabilities {
  const limits = ownerLimits(settings, report);
  const gpuOk = limits.allowGpu && engine.gpu.runtime && engine.gpu.safe;
  return {
    v: 1,
    gpus: gpuOk
      ? (report?.gpus ?? [])
          .filter((g) => g.vendor === 'nvidia')
          .map((g) => ({
            model: g.model.slice(0, 200) || 'GPU',
            vramMiB: Math.round(g.vramMiB ?? 0),
          }))
      : [],
    cpus: Math.max(1, Math.min(cpus().length, 1024)),
    memoryMiB: Math.max(1, Math.round(totalmem() / 1024 / 1024)),
    engine: { kind: engine.kind ?? 'docker', version: engine.version ?? 'unknown', gpu: gpuOk },
    limits: {
      maxCpus: limits.maxCpus,
      maxMemoryMiB: limits.maxMemoryMiB,
      maxScratchMiB: limits.maxScratchMiB,
      maxDurationS: limits.maxDurationS,
      maxGpus: gpuOk ? limits.maxGpus : 0,
      maxVramMiB: gpuOk ? limits.maxVramMiB : 0,
      allowEgress: limits.allowEgress,
    },
    priceFloorPerGpuHour: settings.pricing.floorPerGpuHour,
    kinds: gpuOk
      ? settings.pricing.allowedKinds
      : settings.pricing.allowedKinds.filter((k) => k === 'cpu').length
        ? ['cpu']
        : ['cpu'],
  };
}
