import Docker from 'dockerode';
import { homedir } from 'node:os';

/** One place an engine might listen. `socketPath: null` means "let dockerode read DOCKER_HOST" (tcp, ssh, TLS). */
export interface EngineCandidate {
  label: string;
  socketPath: string | null;
}

interface Where {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  uid: number | null;
}

const unixPath = (url: string): string | null =>
  url.startsWith('unix://') ? url.slice('unix://'.length) || null : null;

/**
 * Pure: where to look, in order. An explicit DOCKER_HOST (or Podman's CONTAINER_HOST)
 * is the owner's choice and the only candidate; otherwise the usual Docker Engine,
 * Docker Desktop and Podman sockets for the platform.
 */
export function engineCandidates(where: Where): EngineCandidate[] {
  const explicit = where.env.DOCKER_HOST ?? where.env.CONTAINER_HOST;
  if (explicit) {
    const path = unixPath(explicit);
    if (path) return [{ label: explicit, socketPath: path }];
    if (where.env.DOCKER_HOST) return [{ label: explicit, socketPath: null }];
  }
  if (where.platform === 'win32') {
    return ['//./pipe/docker_engine', '//./pipe/podman-machine-default'].map((p) => ({
      label: p,
      socketPath: p,
    }));
  }
  const runtimeDir =
    where.env.XDG_RUNTIME_DIR ?? (where.uid !== null ? `/run/user/${where.uid}` : null);
  const paths = [
    '/var/run/docker.sock',
    `${where.home}/.docker/run/docker.sock`,
    `${where.home}/.docker/desktop/docker.sock`,
    ...(runtimeDir ? [`${runtimeDir}/podman/podman.sock`] : []),
    '/run/podman/podman.sock',
    ...(where.platform === 'darwin'
      ? [`${where.home}/.local/share/containers/podman/machine/podman.sock`]
      : []),
  ];
  return paths.map((p) => ({ label: p, socketPath: p }));
}

export type EngineConnection =
  | { ok: true; docker: Docker; socket: string }
  | { ok: false; socket: string | null; code: string | null };

const errorCode = (err: unknown): string | null => {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return null;
};

/** Tries each candidate with a ping; the first that answers wins. */
export async function connectEngine(
  env: NodeJS.ProcessEnv = process.env,
): Promise<EngineConnection> {
  const candidates = engineCandidates({
    env,
    platform: process.platform,
    home: homedir(),
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
  });
  let best: { socket: string; code: string | null } | null = null;
  for (const candidate of candidates) {
    const docker = candidate.socketPath
      ? new Docker({ socketPath: candidate.socketPath, timeout: 10_000 })
      : new Docker();
    try {
      await docker.ping();
      // The ping is bounded; the connection handed out is not, because a job's
      // wait() and a stop with a grace period legitimately last longer.
      const unbounded = candidate.socketPath
        ? new Docker({ socketPath: candidate.socketPath })
        : docker;
      return { ok: true, docker: unbounded, socket: candidate.label };
    } catch (err) {
      const code = errorCode(err);
      // A socket that exists but refuses us says more than one that is simply absent.
      if (best === null || (best.code === 'ENOENT' && code !== 'ENOENT'))
        best = { socket: candidate.label, code };
    }
  }
  return { ok: false, socket: best?.socket ?? null, code: best?.code ?? null };
}
