// 1. GPU detection: a full detection (systeminformation worker + vendor tools) and the
// cached report every later caller gets.
import { dist } from './fixtures.js';
import { nowMs, percentile, timed } from './stats.js';

const COLD_RUNS = 5;
const CACHED_CALLS = 2000;

export default {
  id: 'gpu',
  title: 'GPU detection',
  async run() {
    const { detectGpus, createGpuDetector } = await dist('gpu/detector.js');
    const cold = [];
    let report = null;
    for (let i = 0; i < COLD_RUNS; i++) {
      const [value, ms] = await timed(() => detectGpus());
      cold.push(ms);
      report = value;
    }
    const detector = createGpuDetector();
    await detector.report();
    const cached = [];
    for (let i = 0; i < CACHED_CALLS; i++) {
      const start = nowMs();
      await detector.report();
      cached.push((nowMs() - start) * 1000);
    }
    const found = report ? `${report.gpus.length} GPU(s) found` : '';
    return [
      {
        bench: 'GPU detection',
        measure: 'cold detectGpus() (si worker + nvidia-smi/rocm-smi lookups)',
        n: COLD_RUNS,
        p50: percentile(cold, 50),
        p99: percentile(cold, 99),
        unit: 'ms',
        note: `${found}; no GPU on this machine`,
      },
      {
        bench: 'GPU detection',
        measure: 'cached createGpuDetector().report()',
        n: CACHED_CALLS,
        p50: percentile(cached, 50),
        p99: percentile(cached, 99),
        unit: 'µs',
      },
    ];
  },
};
