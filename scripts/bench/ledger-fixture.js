// Fills a ledger the way the node does over months of work: each job offered, started,
// completed, reported and credited, at realistic spread-out times.
import { createHash } from 'node:crypto';
import { dist } from './fixtures.js';

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
 */
export async function appendCreditedJobs(ledger, { count, prefix, endMs = Date.now(), days = 60 }) {
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
    await ledger.offer(jobId, 'gpu', price, { at: offeredAt });
    await ledger.start(jobId, { at: startedAt });
    await ledger.complete(jobId, { gpuSeconds: runS, energyWh: runS / 15 }, undefined, {
      at: endedAt,
    });
    await ledger.report(jobId, { hash: hex32(jobId), signature: `0x${'ab'.repeat(65)}` }, {
      at: endedAt + 1000,
    });
    const amount = ledger.entry(jobId)?.amount;
    await ledger.credit(jobId, BigInt(amount ?? '0'), null, { at: endedAt + 5000 });
  }
}
