// Fills a ledger the way the node does over months of work: each job offered, started,
// completed, reported and credited, at realistic spread-out times.
import { createHash } from 'node:crypto';
import { dist } from './fixtures.js';
import { nowMs } from './stats.js';

export const EVENTS_PER_JOB = 5;
const DAY_MS = 24 * 3600 * 1000;
const TOKEN = 10n ** 18n;

const hex32 = (text) => `0x${createHash('sha256').update(text).digest('hex')}`;

export function openLedger(dir) {
  return dist('ledger/ledger.js').then(({ Ledger }) => Ledger.open(dir));
}

/**
 * Appends `count` credited jobs, spread evenly over the `days` before `endMs` (each job
 * runs 5–60 minutes). Awaits every event: the ledger makes each one durable before the next.
 * When `latencies` is given, each event's append time (ms) is pushed onto it.
 */
export async function appendCreditedJobs(
  ledger,
  { count, prefix, endMs = Date.now(), days = 60, latencies = null },
) {
  const step = async (append) => {
    const start = nowMs();
    await append();
    latencies?.push(nowMs() - start);
  };
  const spanMs = days * DAY_MS;
  const stepMs = Math.floor(spanMs / count);
  const startMs = endMs - spanMs;
  for (let i = 0; i < count; i++) {
    const jobId = `${prefix}-${i}`;
    const offeredAt = startMs + i * stepMs;
    const runS = 300 + ((i * 7919) % 3300);
    const startedAt = offeredAt + 2000;
    const endedAt = startedAt + runS * 1000;
    const price = (TOKEN / 10n) * BigInt(1 + (i % 5));
    await step(() => ledger.offer(jobId, 'gpu', price, { at: offeredAt }));
    await step(() => ledger.start(jobId, { at: startedAt }));
    const metering = { gpuSeconds: runS, energyWh: runS / 15 };
    await step(() => ledger.complete(jobId, metering, undefined, { at: endedAt }));
    const receipt = { hash: hex32(jobId), signature: `0x${'ab'.repeat(65)}` };
    await step(() => ledger.report(jobId, receipt, { at: endedAt + 1000 }));
    const amount = BigInt(ledger.entry(jobId)?.amount ?? '0');
    await step(() => ledger.credit(jobId, amount, null, { at: endedAt + 5000 }));
  }
}
