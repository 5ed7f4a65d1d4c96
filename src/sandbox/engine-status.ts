import { z } from 'zod';
import { msg, type Message } from '../api/message.js';
import type { EngineStatus } from '../api/sandbox-schemas.js';
import { MIN_SAFE_TOOLKIT, isToolkitSafe } from './toolkit.js';

/** The parts of the engine's `/info` and `/version` answers we rely on; both are outside input. */
export const EngineInfoSchema = z.looseObject({
  Runtimes: z.record(z.string(), z.looseObject({ path: z.string().optional() })).nullish(),
  DiscoveredDevices: z
    .array(z.looseObject({ Source: z.string().optional(), ID: z.string().optional() }))
    .nullish(),
  OperatingSystem: z.string().nullish(),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

export const EngineVersionSchema = z.looseObject({
  Version: z.string().nullish(),
  ApiVersion: z.string().nullish(),
  Components: z.array(z.looseObject({ Name: z.string(), Version: z.string().nullish() })).nullish(),
});
export type EngineVersion = z.infer<typeof EngineVersionSchema>;

/** Where the engine keeps the NVIDIA runtime, if it has one; null means "none registered". */
export function nvidiaRuntimePath(info: EngineInfo): string | null {
  const entry = Object.entries(info.Runtimes ?? {}).find(([name]) =>
    name.toLowerCase().startsWith('nvidia'),
  );
  if (!entry) return null;
  return entry[1].path ?? entry[0];
}

/** GPUs may also reach containers through CDI (Docker 25+, Podman) without a registered runtime. */
export function hasNvidiaCdiDevices(info: EngineInfo): boolean {
  return (info.DiscoveredDevices ?? []).some((d) => (d.ID ?? '').startsWith('nvidia.com/gpu'));
}

export function engineKind(version: EngineVersion, info: EngineInfo): 'docker' | 'podman' {
  const podman =
    (version.Components ?? []).some((c) => /podman/i.test(c.Name)) ||
    /podman/i.test(info.OperatingSystem ?? '');
  return podman ? 'podman' : 'docker';
}

function gpuStatus(runtime: boolean, toolkitVersion: string | null): EngineStatus['gpu'] {
  if (!runtime)
    return { runtime, toolkitVersion, safe: false, problem: msg('sandbox:gpu.noRuntime') };
  if (toolkitVersion === null)
    return {
      runtime,
      toolkitVersion,
      safe: false,
      problem: msg('sandbox:gpu.toolkitUnknown', { minimum: MIN_SAFE_TOOLKIT }),
    };
  if (!isToolkitSafe(toolkitVersion))
    return {
      runtime,
      toolkitVersion,
      safe: false,
      problem: msg('sandbox:gpu.toolkitUnsafe', {
        version: toolkitVersion,
        minimum: MIN_SAFE_TOOLKIT,
      }),
    };
  return { runtime, toolkitVersion, safe: true, problem: null };
}

/** Pure: turns the engine's answers into the status the owner sees, with fix-its. */
export function describeEngine(args: {
  info: EngineInfo;
  version: EngineVersion;
  socket: string;
  toolkitVersion: string | null;
}): EngineStatus {
  const runtime = nvidiaRuntimePath(args.info) !== null || hasNvidiaCdiDevices(args.info);
  const gpu = gpuStatus(runtime, args.toolkitVersion);
  const fixes: Message[] = [];
  if (!gpu.runtime) fixes.push(msg('sandbox:fix.installToolkit'));
  else if (!gpu.safe) fixes.push(msg('sandbox:fix.updateToolkit', { minimum: MIN_SAFE_TOOLKIT }));
  return {
    found: true,
    kind: engineKind(args.version, args.info),
    version: args.version.Version ?? null,
    apiVersion: args.version.ApiVersion ?? null,
    socket: args.socket,
    gpu,
    problem: null,
    fixes,
  };
}

const NO_GPU: EngineStatus['gpu'] = {
  runtime: false,
  toolkitVersion: null,
  safe: false,
  problem: msg('sandbox:gpu.noEngine'),
};

/** Pure: explains why no engine answered, from the connection error's code. */
export function describeMissingEngine(socket: string | null, code: string | null): EngineStatus {
  const base = { found: false, kind: null, version: null, apiVersion: null, socket, gpu: NO_GPU };
  switch (code) {
    case 'ECONNREFUSED':
      return {
        ...base,
        problem: msg('sandbox:engine.notRunning'),
        fixes: [msg('sandbox:fix.startDocker')],
      };
    case 'EACCES':
    case 'EPERM':
      return {
        ...base,
        problem: msg('sandbox:engine.noPermission'),
        fixes: [msg('sandbox:fix.dockerPermission')],
      };
    case 'ENOENT':
    case null:
      return {
        ...base,
        problem: msg('sandbox:engine.notFound'),
        fixes: [msg('sandbox:fix.installDocker'), msg('sandbox:fix.startDocker')],
      };
    default:
      return {
        ...base,
        problem: msg('sandbox:engine.unreachable', { code }),
        fixes: [msg('sandbox:fix.startDocker')],
      };
  }
}
