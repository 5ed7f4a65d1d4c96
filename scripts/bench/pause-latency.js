// 3. Pause latency: from the node's decision to a frozen container, three ways in one run:
// the runner's pause(), the policy path (PolicyLoop → decide → pause), and plain
// `docker pause` of a container of the same image, as the floor the engine sets.
import {
  benchRunner,
  dist,
  isPaused,
  jobSpec,
  removeBenchContainers,
  removeDir,
  run,
  sampleImage,
  scratchDir,
  uniqueId,
} from './fixtures.js';
import { nowMs, percentile, sleep, waitUntil } from './stats.js';

const PAUSES = 40;
/** Let the job burn CPU between freezes, so each pause catches a busy process. */
const RUN_BETWEEN_MS = 60;
const BURN = ['/bin/sh', '-c', 'while :; do :; done'];

async function frozen(docker, id) {
  await waitUntil(() => isPaused(docker, id), { timeoutMs: 10_000, everyMs: 1, what: 'Paused' });
}

async function sandboxPauses(docker, job, container) {
  const times = [];
  for (let i = 0; i < PAUSES; i++) {
    await sleep(RUN_BETWEEN_MS);
    const start = nowMs();
    await job.pause();
    await frozen(docker, container);
    times.push(nowMs() - start);
    await job.resume();
  }
  return times;
}

/**
 * The policy path as the node drives it: observations change (a foreign GPU process
 * appears), the loop re-decides, and the decision's pauseNow freezes the job.
 */
async function policyPauses(docker, job, container) {
  const [{ PolicyLoop }, { PolicySettingsSchema }] = await Promise.all([
    dist('node/policy-loop.js'),
    dist('api/policy-schemas.js'),
  ]);
  const settings = PolicySettingsSchema.parse({
    schedule: { preset: 'always' },
    resumeQuietMinutes: 0,
  });
  const idle = { active: false, since: null, lastSeenAt: null, programs: [] };
  let foreign = idle;
  let applied = Promise.resolve();
  const loop = new PolicyLoop({
    now: Date.now,
    timeZone: () => 'UTC',
    settings: () => settings,
    observe: () => ({
      ownerIdleS: null,
      onBattery: false,
      foreignGpu: foreign,
      runningBlockers: [],
      gpu: null,
      energyBudgetW: null,
    }),
    onDecision: (decision) => {
      applied = decision.pauseNow ? job.pause() : decision.run ? job.resume() : Promise.resolve();
    },
  });
  const times = [];
  let pausedDecisions = 0;
  try {
    for (let i = 0; i < PAUSES; i++) {
      await sleep(RUN_BETWEEN_MS);
      const start = nowMs();
      const seen = Date.now();
      foreign = { active: true, since: seen, lastSeenAt: seen, programs: ['game.exe'] };
      if (loop.poke().pauseNow) pausedDecisions++;
      await applied;
      await frozen(docker, container);
      times.push(nowMs() - start);
      foreign = idle;
      loop.poke();
      await applied;
    }
  } finally {
    loop.stop();
  }
  if (pausedDecisions !== PAUSES) throw new Error('the policy did not say pauseNow every time');
  return times;
}

async function cliPauses(docker, imageId) {
  const name = uniqueId('lumbung-bench-cli');
  await run('docker', [
    'run',
    '-d',
    '--name',
    name,
    '--network',
    'none',
    '--label',
    'lumbung.node=bench',
    imageId,
    ...BURN,
  ]);
  try {
    const times = [];
    for (let i = 0; i < PAUSES; i++) {
      await sleep(RUN_BETWEEN_MS);
      const start = nowMs();
      await run('docker', ['pause', name]);
      await frozen(docker, name);
      times.push(nowMs() - start);
      await run('docker', ['unpause', name]);
    }
    return times;
  } finally {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
  }
}

const row = (measure, times, extra) => ({
  bench: 'Pause latency',
  measure,
  n: times.length,
  p50: percentile(times, 50),
  p99: percentile(times, 99),
  unit: 'ms',
  ...extra,
});

export default {
  id: 'pause',
  title: 'Pause latency',
  async run() {
    const workDir = await scratchDir('pause');
    const { docker, runner } = await benchRunner(workDir);
    const [image, { containerName }] = await Promise.all([
      sampleImage(),
      dist('sandbox/container-options.js'),
    ]);
    let sandbox;
    let policy;
    const job = runner.run(jobSpec(image.pinned, BURN));
    try {
      await waitUntil(() => job.state() === 'running', { what: 'job running' });
      const container = containerName(job.jobId);
      sandbox = await sandboxPauses(docker, job, container);
      policy = await policyPauses(docker, job, container);
    } finally {
      await job.stop();
      await job.done.catch(() => undefined);
      await removeBenchContainers(docker);
      await removeDir(workDir);
    }
    const cli = await cliPauses(docker, image.id);
    return [
      row('runner job.pause() → inspect says Paused (CPU-burning busybox job)', sandbox, {
        target: 'p99 < 100 ms',
        check: () => percentile(sandbox, 99) < 100,
      }),
      row('foreign GPU seen → PolicyLoop decide() pauseNow → job.pause() → Paused', policy, {
        target: 'p99 < 250 ms',
        check: () => percentile(policy, 99) < 250,
        note: 'node also releases the power cap first (no-op without a GPU)',
      }),
      row('plain `docker pause` CLI → inspect says Paused (same image, same run)', cli, {
        note: 'includes the docker CLI process start',
      }),
    ];
  },
};
