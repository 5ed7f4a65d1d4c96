import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from '../../../src/network/backoff.js';
import { amountFor, billableSeconds } from '../../../src/network/pricing.js';
import { reputationScore } from '../../../src/network/local/reputation.js';

describe('pricing', () => {
  const gpu = { kind: 'gpu' as const, pricePerGpuHour: 3600n, maxDurationS: 100, gpus: 2 };
  it('bills GPU-seconds for gpu jobs and running seconds for cpu jobs, capped by the offer', () => {
    expect(billableSeconds(gpu, { runningS: 10, pausedS: 5, gpuS: 20.9 })).toBe(20n);
    expect(billableSeconds(gpu, { runningS: 10, pausedS: 0, gpuS: 10_000 })).toBe(200n);
    const cpu = { ...gpu, kind: 'cpu' as const };
    expect(billableSeconds(cpu, { runningS: 42.5, pausedS: 0, gpuS: 0 })).toBe(42n);
    expect(amountFor(cpu, { runningS: 42.5, pausedS: 0, gpuS: 0 })).toBe(42n);
  });

  it('never pays more than price × capped hours', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (price, s) => {
          const terms = {
            kind: 'cpu' as const,
            pricePerGpuHour: price,
            maxDurationS: 3600,
            gpus: 0,
          };
          const amount = amountFor(terms, { runningS: s, pausedS: 0, gpuS: 0 });
          expect(amount >= 0n && amount <= price).toBe(true);
        },
      ),
    );
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, opts, () => 0)).toBe(50);
    expect(backoffDelay(0, opts, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, () => 1)).toBe(800);
    expect(backoffDelay(50, opts, () => 0.5)).toBe(750);
  });
});

describe('reputationScore', () => {
  it('stays within 0..100', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (m, s) => {
        const score = reputationScore(m, s);
        expect(score >= 0 && score <= 100).toBe(true);
      }),
    );
  });
});
