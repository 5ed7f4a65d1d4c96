import { z } from 'zod';
import { msg, type Message } from '../api/message.js';
import {
  JobSpecSchema,
  OfferedJobSchema,
  type EngineStatus,
  type JobSpec,
  type OwnerLimits,
} from '../api/sandbox-schemas.js';
import { parsePinnedImage } from './image-ref.js';

/**
 * Admission is pure and only ever says yes or no: a spec that asks for more than the
 * owner allows is declined with a reason, never quietly shrunk to fit.
 */
export type Admission = { ok: true; spec: JobSpec } | { ok: false; reason: Message };

const normalize = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Fields a hostile offer may carry to widen the sandbox, grouped by the reason we give.
 * Matched after normalizing case and punctuation, so `cap_add`, `CapAdd` and `capAdd`
 * are all caught; their mere presence declines the job, whatever the value.
 */
const HOSTILE_FIELDS: ReadonlyArray<{ reason: string; fields: readonly string[] }> = [
  { reason: 'privileged', fields: ['privileged'] },
  {
    reason: 'hostMount',
    fields: ['mounts', 'mount', 'binds', 'bind', 'volumes', 'volume', 'volumesfrom', 'hostpath'],
  },
  {
    reason: 'hostNamespace',
    fields: [
      'hostnetwork',
      'hostpid',
      'hostipc',
      'hostuts',
      'hostusers',
      'pidmode',
      'ipcmode',
      'utsmode',
      'usernsmode',
      'cgroupnsmode',
      'networkmode',
      'network',
      'net',
      'pid',
      'ipc',
    ],
  },
  { reason: 'capAdd', fields: ['capadd', 'capabilities', 'caps'] },
  {
    reason: 'devices',
    fields: ['devices', 'device', 'devicecgrouprules', 'devicerequests', 'gpusdevices'],
  },
  {
    reason: 'securityOverride',
    fields: [
      'securityopt',
      'seccomp',
      'apparmor',
      'selinux',
      'runtime',
      'user',
      'groupadd',
      'sysctls',
      'cgroup',
      'cgroupparent',
      'oomkilldisable',
      'readonlyrootfs',
      'init',
      'entrypoint',
      'hostconfig',
      'ulimits',
      'shmsize',
      'tmpfs',
      'portbindings',
      'publishallports',
      'extrahosts',
    ],
  },
];

const HOSTILE_BY_KEY = new Map<string, string>(
  HOSTILE_FIELDS.flatMap(({ reason, fields }) => fields.map((f) => [f, reason] as const)),
);

/** Env names that can inject code into the engine's GPU hooks or widen GPU access (CVE-2025-23266). */
const isForbiddenSpecEnv = (name: string): boolean => /^(ld_|nvidia_)/i.test(name);
const isForbiddenImageEnv = (name: string): boolean =>
  /^(ld_preload|ld_audit|nvidia_.*)$/i.test(name);

const decline = (reason: string, values?: Record<string, string | number>): Admission => ({
  ok: false,
  reason: msg(`sandbox:decline.${reason}`, values),
});

function hostileField(record: Record<string, unknown>, where: string): Admission | null {
  for (const key of Object.keys(record)) {
    const reason = HOSTILE_BY_KEY.get(normalize(key));
    if (reason) return decline(reason, { field: where ? `${where}.${key}` : key });
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function shapeProblem(error: z.ZodError): Admission {
  const issue = error.issues[0];
  if (!issue) return decline('malformed', { field: '' });
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const field = [where, issue.keys[0] ?? ''].filter(Boolean).join('.');
    return decline('unknownField', { field });
  }
  return decline('malformed', { field: where });
}

function checkLimits(spec: JobSpec, limits: OwnerLimits): Admission | null {
  const r = spec.resources;
  if (spec.kind === 'cpu' && (r.gpus > 0 || r.vramMiB > 0)) return decline('cpuJobWantsGpu');
  if (spec.kind === 'gpu' && r.gpus === 0) return decline('gpuJobWithoutGpu');
  if (r.cpus > limits.maxCpus)
    return decline('tooManyCpus', { asked: r.cpus, allowed: limits.maxCpus });
  if (r.memoryMiB > limits.maxMemoryMiB)
    return decline('tooMuchMemory', { asked: r.memoryMiB, allowed: limits.maxMemoryMiB });
  if (r.scratchMiB > limits.maxScratchMiB)
    return decline('tooMuchScratch', { asked: r.scratchMiB, allowed: limits.maxScratchMiB });
  if (r.pids !== undefined && r.pids > limits.maxPids)
    return decline('tooManyProcesses', { asked: r.pids, allowed: limits.maxPids });
  if (spec.maxDurationS > limits.maxDurationS)
    return decline('tooLong', { askedS: spec.maxDurationS, allowedS: limits.maxDurationS });
  if (spec.egress && !limits.allowEgress) return decline('egressNotAllowed');
  if (spec.kind === 'gpu') {
    if (!limits.allowGpu) return decline('gpuNotAllowed');
    if (r.gpus > limits.maxGpus)
      return decline('tooManyGpus', { asked: r.gpus, allowed: limits.maxGpus });
    if (r.vramMiB > limits.maxVramMiB)
      return decline('tooMuchVram', { asked: r.vramMiB, allowed: limits.maxVramMiB });
  }
  if (
    limits.minPricePerGpuHour !== undefined &&
    BigInt(spec.pricePerGpuHour) < BigInt(limits.minPricePerGpuHour)
  )
    return decline('priceTooLow', {
      offered: spec.pricePerGpuHour,
      floor: limits.minPricePerGpuHour,
    });
  return null;
}

function checkEngine(spec: JobSpec, engine: EngineStatus): Admission | null {
  if (!engine.found)
    return { ok: false, reason: engine.problem ?? msg('sandbox:decline.noEngine') };
  if (spec.kind !== 'gpu') return null;
  if (!engine.gpu.runtime || !engine.gpu.safe)
    return { ok: false, reason: engine.gpu.problem ?? msg('sandbox:gpu.noRuntime') };
  return null;
}

/** Decides whether an offered job may run here. Never edits the offer. */
export function admit(offered: unknown, limits: OwnerLimits, engine: EngineStatus): Admission {
  const loose = OfferedJobSchema.safeParse(offered);
  if (!loose.success) return decline('malformed', { field: '' });
  const raw = loose.data;

  const hostile =
    hostileField(raw, '') ??
    (isRecord(raw.resources) ? hostileField(raw.resources, 'resources') : null);
  if (hostile) return hostile;
  if (isRecord(raw.env)) {
    const bad = Object.keys(raw.env).find(isForbiddenSpecEnv);
    if (bad !== undefined) return decline('forbiddenEnv', { name: bad });
  }
  if (typeof raw.image === 'string' && parsePinnedImage(raw.image) === null)
    return decline('imageNotPinned', { image: raw.image.slice(0, 200) });

  const parsed = JobSpecSchema.safeParse(raw);
  if (!parsed.success) return shapeProblem(parsed.error);
  const spec = parsed.data;

  return checkEngine(spec, engine) ?? checkLimits(spec, limits) ?? { ok: true, spec };
}

/** The parts of an engine's image inspect answer that matter here; the rest is ignored. */
const ImageConfigSchema = z.looseObject({
  Config: z
    .looseObject({
      Env: z.array(z.string()).nullish(),
      Volumes: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});

/**
 * Runs after the image is present: an image can carry its own env, which the engine's
 * GPU hook would see, and declared volumes, which the engine would back with host disk.
 */
export function checkImageConfig(
  imageInspect: unknown,
): { ok: true } | { ok: false; reason: Message } {
  const parsed = ImageConfigSchema.safeParse(imageInspect);
  if (!parsed.success) return { ok: false, reason: msg('sandbox:decline.imageUnreadable') };
  const config = parsed.data.Config;
  for (const entry of config?.Env ?? []) {
    const name = entry.split('=', 1)[0] ?? '';
    if (isForbiddenImageEnv(name))
      return { ok: false, reason: msg('sandbox:decline.imageEnv', { name }) };
  }
  const volumes = Object.keys(config?.Volumes ?? {});
  if (volumes.length > 0)
    return { ok: false, reason: msg('sandbox:decline.imageVolumes', { path: volumes[0] ?? '' }) };
  return { ok: true };
}
