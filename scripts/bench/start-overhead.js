// 4. Start overhead: an admitted spec handed to the runner → the job's first output line,
// beside `docker run` of the same image and command in the same run.
import { spawn } from 'node:child_process';
import {
  benchRunner,
  jobSpec,
  removeBenchContainers,
  removeDir,
  sampleImage,
  scratchDir,
} from './fixtures.js';
import { median, nowMs } from './stats.js';

const STARTS = 10;
const COMMAND = ['/bin/echo', 'first line'];
const TARGET_RATIO = 1.2;

async function runnerStart(runner, image) {
  const start = nowMs();
  let firstLineMs = null;
  const job = runner.run(jobSpec(image, COMMAND), {
    onLog: (text) => {
      if (firstLineMs === null && text.includes('\n')) firstLineMs = nowMs() - start;
    },
  });
  const result = await job.done;
  if (firstLineMs === null) throw new Error(`no output from the job: ${result.outcome}`);
  return firstLineMs;
}

/** `docker run` as a person would type it, timed to the first line on its stdout. */
function cliStart(imageId) {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    let firstLineMs = null;
    const child = spawn('docker', [
      'run',
      '--rm',
      '--network',
      'none',
      '--label',
      'lumbung.node=bench',
      imageId,
      ...COMMAND,
    ]);
    child.stdout.on('data', (chunk) => {
      if (firstLineMs === null && chunk.includes(10)) firstLineMs = nowMs() - start;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 && firstLineMs !== null
        ? resolve(firstLineMs)
        : reject(new Error(`docker run exited ${code}`)),
    );
  });
}

export default {
  id: 'start',
  title: 'Start overhead',
  async run() {
    const workDir = await scratchDir('start');
    const { docker, runner } = await benchRunner(workDir);
    const image = await sampleImage();
    const viaRunner = [];
    const viaCli = [];
    try {
      // One of each first, untimed: the first container of a run pays for cold caches.
      await runnerStart(runner, image.pinned);
      await cliStart(image.id);
      // Alternate, so drift in the engine's speed hits both sides alike.
      for (let i = 0; i < STARTS; i++) {
        viaRunner.push(await runnerStart(runner, image.pinned));
        viaCli.push(await cliStart(image.id));
      }
    } finally {
      await removeBenchContainers(docker);
      await removeDir(workDir);
    }
    const ratio = median(viaRunner) / median(viaCli);
    return [
      {
        bench: 'Start overhead',
        measure: 'runner.run(spec) → first output line (hardened container)',
        n: STARTS,
        p50: median(viaRunner),
        unit: 'ms',
      },
      {
        bench: 'Start overhead',
        measure: 'plain `docker run --rm --network none` → first output line',
        n: STARTS,
        p50: median(viaCli),
        unit: 'ms',
        note: 'includes the docker CLI process start',
      },
      {
        bench: 'Start overhead',
        measure: 'ratio runner p50 / docker run p50',
        n: STARTS,
        p50: `${ratio.toFixed(2)}×`,
        target: `≤ ${TARGET_RATIO}×`,
        check: () => ratio <= TARGET_RATIO,
      },
    ];
  },
};
