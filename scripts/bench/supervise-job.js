// 5. The node supervising one job: this process's own CPU and memory while the runner
// meters a long `sleep` job (stats every second, output folder watch, timeout timer).
import {
  benchRunner,
  jobSpec,
  removeBenchContainers,
  removeDir,
  sampleImage,
  scratchDir,
} from './fixtures.js';
import { sampleThisProcess } from './process-sampler.js';
import { MiB, percentile, waitUntil } from './stats.js';

const SECONDS = 15;

export default {
  id: 'supervise',
  title: 'Node supervising one job',
  async run() {
    const workDir = await scratchDir('supervise');
    const { docker, runner } = await benchRunner(workDir);
    const image = await sampleImage();
    const job = runner.run(jobSpec(image.pinned, ['/bin/sleep', '600']));
    let sampled;
    try {
      await waitUntil(() => job.state() === 'running', { what: 'job running' });
      sampled = await sampleThisProcess(SECONDS);
      if (job.state() !== 'running') throw new Error('the job ended while measured');
    } finally {
      await job.stop();
      await job.done.catch(() => undefined);
      await removeBenchContainers(docker);
      await removeDir(workDir);
    }
    const rss = sampled.rssBytes.map((b) => b / MiB);
    return [
      {
        bench: 'Supervising one job',
        measure: 'node process CPU% (1 s samples) while the runner meters a sleep job',
        n: SECONDS,
        p50: percentile(sampled.cpuPct, 50),
        p99: percentile(sampled.cpuPct, 99),
        unit: '%',
        note: `mean ${sampled.overallPct.toFixed(2)}% of one core over ${SECONDS} s; stats every 1 s`,
      },
      {
        bench: 'Supervising one job',
        measure: 'node process RSS while supervising',
        n: SECONDS,
        p50: percentile(rss, 50),
        p99: percentile(rss, 99),
        unit: 'MiB',
        note: 'bench process: the built node modules loaded in it',
      },
    ];
  },
};
