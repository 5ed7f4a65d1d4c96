import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import type { EngineStatus } from '../api/sandbox-schemas.js';
import { connectEngine } from './engine-socket.js';
import {
  EngineInfoSchema,
  EngineVersionSchema,
  describeEngine,
  describeMissingEngine,
  hasNvidiaCdiDevices,
  nvidiaRuntimePath,
} from './engine-status.js';
import { parseToolkitVersion } from './toolkit.js';

function versionOutput(command: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { timeout: 5000, maxBuffer: 64 * 1024 }, (err, stdout) =>
      resolve(err ? null : stdout),
    );
  });
}

/** Asks the toolkit's own binaries; the first one present that names a version wins. */
export async function readToolkitVersion(runtimePath: string | null): Promise<string | null> {
  const commands = [...(runtimePath ? [runtimePath] : []), 'nvidia-container-cli', 'nvidia-ctk'];
  for (const command of commands) {
    const out = await versionOutput(command);
    const version = out === null ? null : parseToolkitVersion(out);
    if (version) return version;
  }
  return null;
}

export interface ProbeOptions {
  /** An already connected engine; otherwise DOCKER_HOST and the usual sockets are tried. */
  docker?: Docker;
  socket?: string;
  env?: NodeJS.ProcessEnv;
  readToolkit?: (runtimePath: string | null) => Promise<string | null>;
}

/** What the container engine can do here, in words the owner can act on. Never throws. */
export async function probeEngine(options: ProbeOptions = {}): Promise<EngineStatus> {
  let docker = options.docker;
  let socket = options.socket ?? 'custom';
  if (!docker) {
    const connection = await connectEngine(options.env);
    if (!connection.ok) return describeMissingEngine(connection.socket, connection.code);
    docker = connection.docker;
    socket = connection.socket;
  }
  let infoRaw: unknown;
  let versionRaw: unknown;
  try {
    [infoRaw, versionRaw] = await Promise.all([docker.info(), docker.version()]);
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : null;
    return describeMissingEngine(socket, code);
  }
  const info = EngineInfoSchema.safeParse(infoRaw);
  const version = EngineVersionSchema.safeParse(versionRaw);
  if (!info.success || !version.success) return describeMissingEngine(socket, 'EBADRESPONSE');

  const runtimePath = nvidiaRuntimePath(info.data);
  const hasGpuRuntime = runtimePath !== null || hasNvidiaCdiDevices(info.data);
  const toolkitVersion = hasGpuRuntime
    ? await (options.readToolkit ?? readToolkitVersion)(runtimePath)
    : null;
  return describeEngine({ info: info.data, version: version.data, socket, toolkitVersion });
}
