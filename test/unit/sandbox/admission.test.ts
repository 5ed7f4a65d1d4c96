import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OwnerLimitsSchema,
  type EngineStatus,
  type OwnerLimits,
} from '../../../src/api/sandbox-schemas.js';
import { admit, checkImageConfig } from '../../../src/sandbox/admission.js';
import {
  DIGEST,
  ENGINE_GPU_OK,
  ENGINE_MISSING,
  ENGINE_NO_GPU,
  ENGINE_UNSAFE_GPU,
  LIMITS,
  cpuSpec,
  gpuSpec,
} from './fixtures.js';

type Case = {
  name: string;
  offer: unknown;
  reason: string;
  limits?: OwnerLimits;
  engine?: EngineStatus;
};

const withField = (field: string, value: unknown): Record<string, unknown> => ({
  ...cpuSpec(),
  [field]: value,
});
const withResources = (patch: Record<string, unknown>): Record<string, unknown> => {
  const spec = cpuSpec();
  return { ...spec, resources: { ...spec.resources, ...patch } };
};

const declines: Case[] = [
  { name: 'not an object', offer: 'run me', reason: 'sandbox:decline.malformed' },
  { name: 'null', offer: null, reason: 'sandbox:decline.malformed' },
  { name: 'an array', offer: [cpuSpec()], reason: 'sandbox:decline.malformed' },
  {
    name: 'tag instead of digest',
    offer: cpuSpec({ image: 'example/work:latest' }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'bare name',
    offer: cpuSpec({ image: 'ubuntu' }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'short digest',
    offer: cpuSpec({ image: 'ubuntu@sha256:abc123' }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'sha512 digest',
    offer: cpuSpec({ image: `ubuntu@sha512:${'a'.repeat(128)}` }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'uppercase digest',
    offer: cpuSpec({ image: `ubuntu@sha256:${'A'.repeat(64)}` }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'digest without name',
    offer: cpuSpec({ image: `sha256:${DIGEST}` }),
    reason: 'sandbox:decline.imageNotPinned',
  },
  {
    name: 'privileged: true',
    offer: withField('privileged', true),
    reason: 'sandbox:decline.privileged',
  },
  {
    name: 'privileged: false still not ours to honour',
    offer: withField('privileged', false),
    reason: 'sandbox:decline.privileged',
  },
  {
    name: 'Privileged (engine spelling)',
    offer: withField('Privileged', true),
    reason: 'sandbox:decline.privileged',
  },
  {
    name: 'mounts',
    offer: withField('mounts', [{ source: '/', target: '/host' }]),
    reason: 'sandbox:decline.hostMount',
  },
  { name: 'binds', offer: withField('binds', ['/etc:/etc']), reason: 'sandbox:decline.hostMount' },
  {
    name: 'volumes',
    offer: withField('volumes', { '/data': {} }),
    reason: 'sandbox:decline.hostMount',
  },
  {
    name: 'host_path',
    offer: withField('host_path', '/home'),
    reason: 'sandbox:decline.hostMount',
  },
  {
    name: 'hostNetwork',
    offer: withField('hostNetwork', true),
    reason: 'sandbox:decline.hostNamespace',
  },
  { name: 'hostPid', offer: withField('hostPid', true), reason: 'sandbox:decline.hostNamespace' },
  { name: 'hostIpc', offer: withField('hostIpc', true), reason: 'sandbox:decline.hostNamespace' },
  {
    name: 'PidMode host',
    offer: withField('PidMode', 'host'),
    reason: 'sandbox:decline.hostNamespace',
  },
  {
    name: 'networkMode host',
    offer: withField('networkMode', 'host'),
    reason: 'sandbox:decline.hostNamespace',
  },
  {
    name: 'usernsMode',
    offer: withField('usernsMode', 'host'),
    reason: 'sandbox:decline.hostNamespace',
  },
  { name: 'capAdd', offer: withField('capAdd', ['SYS_ADMIN']), reason: 'sandbox:decline.capAdd' },
  { name: 'cap_add', offer: withField('cap_add', ['NET_ADMIN']), reason: 'sandbox:decline.capAdd' },
  {
    name: 'devices',
    offer: withField('devices', ['/dev/nvidia0']),
    reason: 'sandbox:decline.devices',
  },
  {
    name: 'deviceRequests',
    offer: withField('deviceRequests', [{ Count: -1 }]),
    reason: 'sandbox:decline.devices',
  },
  {
    name: 'securityOpt',
    offer: withField('securityOpt', ['seccomp=unconfined']),
    reason: 'sandbox:decline.securityOverride',
  },
  {
    name: 'runtime',
    offer: withField('runtime', 'nvidia'),
    reason: 'sandbox:decline.securityOverride',
  },
  {
    name: 'user root',
    offer: withField('user', '0:0'),
    reason: 'sandbox:decline.securityOverride',
  },
  {
    name: 'raw HostConfig',
    offer: withField('HostConfig', {}),
    reason: 'sandbox:decline.securityOverride',
  },
  {
    name: 'sysctls',
    offer: withField('sysctls', { 'net.ipv4.ip_forward': '1' }),
    reason: 'sandbox:decline.securityOverride',
  },
  {
    name: 'hostile field inside resources',
    offer: withResources({ privileged: true }),
    reason: 'sandbox:decline.privileged',
  },
  {
    name: 'devices inside resources',
    offer: withResources({ devices: ['/dev/kvm'] }),
    reason: 'sandbox:decline.devices',
  },
  {
    name: 'LD_PRELOAD env',
    offer: cpuSpec({ env: { LD_PRELOAD: '/x.so' } }),
    reason: 'sandbox:decline.forbiddenEnv',
  },
  {
    name: 'ld_preload env (any case)',
    offer: cpuSpec({ env: { ld_preload: '/x.so' } }),
    reason: 'sandbox:decline.forbiddenEnv',
  },
  {
    name: 'LD_AUDIT env',
    offer: cpuSpec({ env: { LD_AUDIT: '/x.so' } }),
    reason: 'sandbox:decline.forbiddenEnv',
  },
  {
    name: 'NVIDIA_VISIBLE_DEVICES env',
    offer: cpuSpec({ env: { NVIDIA_VISIBLE_DEVICES: 'all' } }),
    reason: 'sandbox:decline.forbiddenEnv',
  },
  {
    name: 'NVIDIA_DRIVER_CAPABILITIES env',
    offer: cpuSpec({ env: { NVIDIA_DRIVER_CAPABILITIES: 'all' } }),
    reason: 'sandbox:decline.forbiddenEnv',
  },
  {
    name: 'unknown field',
    offer: withField('priority', 9),
    reason: 'sandbox:decline.unknownField',
  },
  {
    name: 'missing command',
    offer: { ...cpuSpec(), command: undefined },
    reason: 'sandbox:decline.malformed',
  },
  { name: 'empty command', offer: cpuSpec({ command: [] }), reason: 'sandbox:decline.malformed' },
  {
    name: 'id with a slash',
    offer: cpuSpec({ id: '../etc' }),
    reason: 'sandbox:decline.malformed',
  },
  {
    name: 'float price',
    offer: { ...cpuSpec(), pricePerGpuHour: 1.5 },
    reason: 'sandbox:decline.malformed',
  },
  {
    name: 'negative cpus',
    offer: withResources({ cpus: -1 }),
    reason: 'sandbox:decline.malformed',
  },
  {
    name: 'file input url',
    offer: cpuSpec({ inputs: [{ name: 'a', url: 'file:///etc/passwd', sha256: DIGEST }] }),
    reason: 'sandbox:decline.malformed',
  },
  {
    name: 'input name with a path',
    offer: cpuSpec({ inputs: [{ name: '../a', url: 'https://x.test/a', sha256: DIGEST }] }),
    reason: 'sandbox:decline.malformed',
  },
  {
    name: 'too many cpus',
    offer: withResources({ cpus: 8 }),
    reason: 'sandbox:decline.tooManyCpus',
  },
  {
    name: 'too much memory',
    offer: withResources({ memoryMiB: 16384 }),
    reason: 'sandbox:decline.tooMuchMemory',
  },
  {
    name: 'too much scratch',
    offer: withResources({ scratchMiB: 8192 }),
    reason: 'sandbox:decline.tooMuchScratch',
  },
  {
    name: 'too many processes',
    offer: withResources({ pids: 4096 }),
    reason: 'sandbox:decline.tooManyProcesses',
  },
  { name: 'too long', offer: cpuSpec({ maxDurationS: 7200 }), reason: 'sandbox:decline.tooLong' },
  {
    name: 'egress not allowed',
    offer: cpuSpec({ egress: true }),
    reason: 'sandbox:decline.egressNotAllowed',
  },
  {
    name: 'cpu job asking for a gpu',
    offer: withResources({ gpus: 1 }),
    reason: 'sandbox:decline.cpuJobWantsGpu',
  },
  {
    name: 'gpu job without gpu',
    offer: gpuSpec({ resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 1 } }),
    reason: 'sandbox:decline.gpuJobWithoutGpu',
  },
  {
    name: 'gpu jobs not allowed',
    offer: gpuSpec(),
    limits: { ...LIMITS, allowGpu: false },
    reason: 'sandbox:decline.gpuNotAllowed',
  },
  {
    name: 'too many gpus',
    offer: gpuSpec({ resources: { gpus: 2, vramMiB: 1, cpus: 1, memoryMiB: 64, scratchMiB: 1 } }),
    reason: 'sandbox:decline.tooManyGpus',
  },
  {
    name: 'too much vram',
    offer: gpuSpec({
      resources: { gpus: 1, vramMiB: 24576, cpus: 1, memoryMiB: 64, scratchMiB: 1 },
    }),
    reason: 'sandbox:decline.tooMuchVram',
  },
  {
    name: 'price below floor',
    offer: cpuSpec({ pricePerGpuHour: '5' }),
    limits: { ...LIMITS, minPricePerGpuHour: '6' },
    reason: 'sandbox:decline.priceTooLow',
  },
  {
    name: 'gpu job, engine has no gpu runtime',
    offer: gpuSpec(),
    engine: ENGINE_NO_GPU,
    reason: 'sandbox:gpu.noRuntime',
  },
  {
    name: 'gpu job, toolkit unsafe',
    offer: gpuSpec(),
    engine: ENGINE_UNSAFE_GPU,
    reason: 'sandbox:gpu.toolkitUnsafe',
  },
  {
    name: 'no engine at all',
    offer: cpuSpec(),
    engine: ENGINE_MISSING,
    reason: 'sandbox:engine.notFound',
  },
];

describe('admit — declines', () => {
  it('has at least thirty cases', () => expect(declines.length).toBeGreaterThanOrEqual(30));

  it.each(declines)('$name', ({ offer, reason, limits, engine }) => {
    const answer = admit(offer, limits ?? LIMITS, engine ?? ENGINE_GPU_OK);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.reason.key).toBe(reason);
  });

  it('names the offending field so the owner can see what was asked', () => {
    const answer = admit(withField('capAdd', ['SYS_ADMIN']), LIMITS, ENGINE_GPU_OK);
    expect(answer).toEqual({
      ok: false,
      reason: { key: 'sandbox:decline.capAdd', values: { field: 'capAdd' } },
    });
  });

  it('says how much was asked and how much is allowed', () => {
    const answer = admit(withResources({ cpus: 8 }), LIMITS, ENGINE_GPU_OK);
    expect(answer).toEqual({
      ok: false,
      reason: { key: 'sandbox:decline.tooManyCpus', values: { asked: 8, allowed: 4 } },
    });
  });
});

describe('admit — accepts', () => {
  it('a plain cpu job, unchanged', () => {
    const spec = cpuSpec();
    expect(admit(spec, LIMITS, ENGINE_NO_GPU)).toEqual({ ok: true, spec });
  });

  it('a gpu job when the runtime is present and safe', () => {
    const spec = gpuSpec();
    expect(admit(spec, LIMITS, ENGINE_GPU_OK)).toEqual({ ok: true, spec });
  });

  it('a job with egress when the owner allows it', () => {
    const spec = cpuSpec({ egress: true });
    expect(admit(spec, { ...LIMITS, allowEgress: true }, ENGINE_GPU_OK).ok).toBe(true);
  });

  it('a job exactly at every limit', () => {
    const spec = cpuSpec({
      resources: { gpus: 0, vramMiB: 0, cpus: 4, memoryMiB: 8192, scratchMiB: 4096, pids: 1024 },
      maxDurationS: 3600,
    });
    expect(admit(spec, LIMITS, ENGINE_GPU_OK).ok).toBe(true);
  });

  it('a registry name with host, port and tag before the digest', () => {
    const spec = cpuSpec({ image: `registry.example:5000/team/work:v2@sha256:${DIGEST}` });
    expect(admit(spec, LIMITS, ENGINE_GPU_OK).ok).toBe(true);
  });
});

const HOSTILE_NAMES = [
  'privileged',
  'Privileged',
  'mounts',
  'Binds',
  'volumes',
  'volumesFrom',
  'hostNetwork',
  'host_pid',
  'hostIpc',
  'pidMode',
  'ipcMode',
  'networkMode',
  'utsMode',
  'usernsMode',
  'capAdd',
  'CapAdd',
  'cap_add',
  'devices',
  'Devices',
  'deviceRequests',
  'deviceCgroupRules',
  'securityOpt',
  'runtime',
  'user',
  'sysctls',
  'cgroupParent',
  'HostConfig',
  'oomKillDisable',
  'readonlyRootfs',
  'tmpfs',
  'entrypoint',
];

describe('admit — properties', () => {
  const lenient = OwnerLimitsSchema.parse({
    maxCpus: 256,
    maxMemoryMiB: 4_194_304,
    maxScratchMiB: 4_194_304,
    maxDurationS: 7 * 24 * 3600,
    maxPids: 65_536,
    allowEgress: true,
    allowGpu: true,
    maxGpus: 16,
    maxVramMiB: 1_048_576,
  });

  it('no offer carrying a hostile field is ever admitted, whatever its value or place', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE_NAMES),
        fc.anything(),
        fc.boolean(),
        fc.boolean(),
        (field, value, inResources, gpu) => {
          const base: Record<string, unknown> = { ...(gpu ? gpuSpec() : cpuSpec()) };
          const offer = inResources
            ? { ...base, resources: { ...(base.resources as object), [field]: value } }
            : { ...base, [field]: value };
          expect(admit(offer, lenient, ENGINE_GPU_OK).ok).toBe(false);
        },
      ),
    );
  });

  it('no offer with LD_* or NVIDIA_* in its env is ever admitted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('LD_', 'ld_', 'NVIDIA_', 'Nvidia_'),
        fc.stringMatching(/^[A-Z_]{0,12}$/),
        fc.string(),
        (prefix, rest, value) => {
          expect(
            admit(cpuSpec({ env: { [prefix + rest]: value } }), lenient, ENGINE_GPU_OK).ok,
          ).toBe(false);
        },
      ),
    );
  });

  it('no image that is not name@sha256:<64 hex> is ever admitted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (image) => {
        fc.pre(!/^[a-z0-9][a-z0-9._\-/:]*@sha256:[0-9a-f]{64}$/.test(image));
        expect(admit(cpuSpec({ image }), lenient, ENGINE_GPU_OK).ok).toBe(false);
      }),
    );
  });

  it('within the limits a job is admitted exactly as offered; over any limit it is declined, never shrunk', () => {
    fc.assert(
      fc.property(
        fc.record({
          cpus: fc.integer({ min: 1, max: 8 }),
          memoryMiB: fc.integer({ min: 6, max: 16_384 }),
          scratchMiB: fc.integer({ min: 1, max: 8192 }),
          pids: fc.integer({ min: 8, max: 2048 }),
          maxDurationS: fc.integer({ min: 1, max: 7200 }),
          egress: fc.boolean(),
        }),
        fc.boolean(),
        (ask, allowEgress) => {
          const spec = cpuSpec({
            resources: {
              gpus: 0,
              vramMiB: 0,
              cpus: ask.cpus,
              memoryMiB: ask.memoryMiB,
              scratchMiB: ask.scratchMiB,
              pids: ask.pids,
            },
            maxDurationS: ask.maxDurationS,
            egress: ask.egress,
          });
          const limits = { ...LIMITS, allowEgress };
          const fits =
            ask.cpus <= limits.maxCpus &&
            ask.memoryMiB <= limits.maxMemoryMiB &&
            ask.scratchMiB <= limits.maxScratchMiB &&
            ask.pids <= limits.maxPids &&
            ask.maxDurationS <= limits.maxDurationS &&
            (!ask.egress || allowEgress);
          const answer = admit(spec, limits, ENGINE_NO_GPU);
          expect(answer.ok).toBe(fits);
          if (answer.ok) expect(answer.spec).toEqual(spec);
        },
      ),
    );
  });

  it('a gpu job is admitted only when the engine has a safe gpu runtime', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (runtime, safe) => {
        const engine: EngineStatus = {
          ...ENGINE_GPU_OK,
          gpu: {
            runtime,
            safe,
            toolkitVersion: null,
            problem: runtime && safe ? null : { key: 'sandbox:gpu.noRuntime' },
          },
        };
        expect(admit(gpuSpec(), LIMITS, engine).ok).toBe(runtime && safe);
      }),
    );
  });
});

describe('checkImageConfig', () => {
  it.each([
    ['LD_PRELOAD=/evil.so', 'sandbox:decline.imageEnv'],
    ['LD_AUDIT=/evil.so', 'sandbox:decline.imageEnv'],
    ['NVIDIA_VISIBLE_DEVICES=all', 'sandbox:decline.imageEnv'],
    ['NVIDIA_DRIVER_CAPABILITIES=compute,utility', 'sandbox:decline.imageEnv'],
  ])('declines an image whose env sets %s', (entry, key) => {
    const answer = checkImageConfig({ Id: 'sha256:x', Config: { Env: ['PATH=/bin', entry] } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.reason.key).toBe(key);
  });

  it('declines an image that declares volumes (the engine would back them with host disk)', () => {
    const answer = checkImageConfig({ Config: { Env: null, Volumes: { '/data': {} } } });
    expect(answer).toEqual({
      ok: false,
      reason: { key: 'sandbox:decline.imageVolumes', values: { path: '/data' } },
    });
  });

  it('accepts a plain image, and one with no config at all (docker import)', () => {
    expect(
      checkImageConfig({ Config: { Env: ['PATH=/usr/bin', 'LANG=C.UTF-8'], Volumes: null } }),
    ).toEqual({ ok: true });
    expect(checkImageConfig({ Config: { Env: null } })).toEqual({ ok: true });
  });

  it('declines an answer it cannot read', () => {
    expect(checkImageConfig({ Config: { Env: 'LD_PRELOAD=/x' } }).ok).toBe(false);
  });
});
