// What several benchmarks share: the built code, the job image, job specs, scratch folders.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const run = promisify(execFile);

/** Imports a module of the built app (`dist/src/...`): the benchmarks measure what ships. */
export function dist(path) {
  return import(pathToFileURL(join(ROOT, 'dist', 'src', path)).href);
}

/** No GPU tools and no systeminformation worker: for benches about something else. */
export const NO_GPU = {
  systeminformation: false,
  tools: { nvidiaSmi: '/nonexistent/nvidia-smi', rocmSmi: '/nonexistent/rocm-smi' },
};

export const BENCH_NODE_ID = 'bench';

export async function scratchDir(name) {
  return mkdtemp(join(tmpdir(), `lumbung-bench-${name}-`));
}

export async function removeDir(dir) {
  await rm(dir, { recursive: true, force: true });
}

export const uniqueId = (prefix) => `${prefix}-${randomBytes(4).toString('hex')}`;

let image = null;
/** The app's own sample image (static busybox, `docker import`ed): built once, then found. */
export function sampleImage() {
  image ??= dist('network/local/sample-image.js').then((m) => m.ensureSampleImage());
  return image;
}

/** An admitted-looking CPU job spec on the sample image. */
export function jobSpec(imagePinned, command, patch = {}) {
  return {
    id: uniqueId('bench'),
    kind: 'cpu',
    image: imagePinned,
    command,
    env: {},
    resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 8, pids: 64 },
    maxDurationS: 600,
    egress: false,
    inputs: [],
    pricePerGpuHour: '0',
    ...patch,
  };
}

/** A runner as the node makes one, on its own node id and work folder. */
export async function benchRunner(workDir) {
  const [{ createRunner }, { default: Docker }] = await Promise.all([
    dist('sandbox/runner.js'),
    import('dockerode'),
  ]);
  const docker = new Docker();
  return {
    docker,
    runner: createRunner({ docker, workDir, nodeId: BENCH_NODE_ID, stopGraceS: 1 }),
  };
}

/** Removes containers this bench left behind (a crash mid-run). */
export async function removeBenchContainers(docker) {
  const left = await docker.listContainers({
    all: true,
    filters: { label: [`lumbung.node=${BENCH_NODE_ID}`] },
  });
  await Promise.all(
    left.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

/** Waits until the engine reports the container frozen. */
export async function isPaused(docker, id) {
  const info = await docker.getContainer(id).inspect();
  return info.State?.Paused === true;
}
