import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/api/ledger-schemas.js';
import { lastMoment, pageInfo, showsAmount } from '../../../renderer/lib/activity-view.js';

const entry = (patch: Partial<LedgerEntry>): LedgerEntry => ({
  jobId: 'job-1',
  offeredAt: 1000,
  startedAt: null,
  endedAt: null,
  state: 'offered',
  kind: 'gpu',
  gpuSeconds: 0,
  energyWh: null,
  pricePerGpuHour: '0',
  amount: '0',
  receipt: null,
  voucher: null,
  claimTx: null,
  declineReason: null,
  ...patch,
});

describe('activity view', () => {
  it('dates a job by its latest moment', () => {
    expect(lastMoment(entry({}))).toBe(1000);
    expect(lastMoment(entry({ startedAt: 2000 }))).toBe(2000);
    expect(lastMoment(entry({ startedAt: 2000, endedAt: 3000 }))).toBe(3000);
  });

  it('shows an amount only where money is earned, owed or paid', () => {
    expect(showsAmount('credited')).toBe(true);
    expect(showsAmount('claimed')).toBe(true);
    expect(showsAmount('failed')).toBe(false);
    expect(showsAmount('declined')).toBe(false);
  });

  it('pages without gaps or overlaps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        (total, size) => {
          let offset = 0;
          let seen = 0;
          for (;;) {
            const shown = Math.min(size, total - offset);
            const info = pageInfo(offset, shown, total);
            expect(info.hasNewer).toBe(offset > 0);
            if (total > 0) expect(info.from).toBe(seen + 1);
            seen = info.to;
            if (!info.hasOlder) break;
            offset += size;
          }
          expect(seen).toBe(total);
        },
      ),
    );
  });
});
