// 8. Ledger: durable append throughput (every event fdatasync'd before the next) and the
// replay at open of a 58,000-event journal. Also leaves behind the 10,000-job data dir
// the earnings-screen benchmark opens, so the suite writes those events only once.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDir, scratchDir } from './fixtures.js';
import { appendCreditedJobs, EVENTS_PER_JOB, openLedger } from './ledger-fixture.js';
import { nowMs, percentile, timed } from './stats.js';

export const EARNINGS_JOBS = 10_000;
const REPLAY_EVENTS = 58_000;
const EXTRA_JOBS = REPLAY_EVENTS / EVENTS_PER_JOB - EARNINGS_JOBS;
const REPLAYS = 3;

/** A data dir whose ledger holds `EARNINGS_JOBS` credited jobs; returns it and the append latencies. */
export async function earningsDataDir(latencies = null) {
  const dataDir = await scratchDir('earnings');
  const ledger = await openLedger(join(dataDir, 'ledger'));
  const [, ms] = await timed(() =>
    appendCreditedJobs(ledger, { count: EARNINGS_JOBS, prefix: 'job', latencies }),
  );
  await ledger.close();
  return { dataDir, ms };
}

export default {
  id: 'ledger',
  title: 'Ledger',
  async run(ctx) {
    const latencies = [];
    const { dataDir, ms: appendMs } = await earningsDataDir(latencies);
    ctx.earningsDataDir = dataDir;
    ctx.cleanup.push(dataDir);

    const replayDir = await scratchDir('replay');
    try {
      await cp(join(dataDir, 'ledger'), join(replayDir, 'ledger'), { recursive: true });
      const more = await openLedger(join(replayDir, 'ledger'));
      await appendCreditedJobs(more, { count: EXTRA_JOBS, prefix: 'more' });
      await more.close();

      const replays = [];
      for (let i = 0; i < REPLAYS; i++) {
        const start = nowMs();
        const ledger = await openLedger(join(replayDir, 'ledger'));
        replays.push(nowMs() - start);
        const complete = ledger.issues.length === 0 && ledger.entry(`more-${EXTRA_JOBS - 1}`);
        await ledger.close();
        if (!complete) throw new Error('replay did not find every job');
      }
      const events = EARNINGS_JOBS * EVENTS_PER_JOB;
      const perSecond = events / (appendMs / 1000);
      return [
        {
          bench: 'Ledger',
          measure: 'append throughput, each event fdatasync’d before the next',
          n: events,
          p50: `${Math.round(perSecond)} events/s`,
          note: `${(appendMs / 1000).toFixed(1)} s for ${EARNINGS_JOBS} jobs × ${EVENTS_PER_JOB} events`,
        },
        {
          bench: 'Ledger',
          measure: 'one append (validate, fdatasync, apply)',
          n: latencies.length,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          unit: 'ms',
        },
        {
          bench: 'Ledger',
          measure: `replay at Ledger.open of ${REPLAY_EVENTS} events (${REPLAY_EVENTS / EVENTS_PER_JOB} jobs)`,
          n: REPLAYS,
          p50: percentile(replays, 50),
          p99: percentile(replays, 99),
          unit: 'ms',
        },
      ];
    } finally {
      await removeDir(replayDir);
    }
  },
};
