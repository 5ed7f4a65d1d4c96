import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JobKind, OfferFrame } from '../../../src/api/protocol-schemas.js';
import { checkOffer } from '../../../src/network/offer-check.js';

const NOW = new Date('2026-01-01T00:00:00Z');

function offer(kind: unknown, price: unknown, expiresInMs = 60_000): OfferFrame {
  return {
    v: 1,
    type: 'offer',
    expiresAt: new Date(NOW.getTime() + expiresInMs).toISOString(),
    job: { id: 'job-1', kind, pricePerGpuHour: price },
  };
}

describe('checkOffer', () => {
  it('accepts an offer at the floor for an allowed kind', () => {
    expect(
      checkOffer(offer('gpu', '100'), { priceFloorPerGpuHour: 100n, allowedKinds: ['gpu'] }, NOW),
    ).toEqual({
      accept: true,
    });
  });

  it('declines below the floor, saying both prices in tokens', () => {
    const r = checkOffer(
      offer('gpu', '10'),
      { priceFloorPerGpuHour: 10n ** 18n, allowedKinds: ['gpu'] },
      NOW,
    );
    expect(r).toEqual({
      accept: false,
      reason: {
        key: 'network:decline.priceBelowFloor',
        values: { offered: '0.00000000000000001', floor: '1' },
      },
    });
  });

  it('declines expired, disallowed and malformed offers with a reason', () => {
    const rules = { priceFloorPerGpuHour: 0n, allowedKinds: ['cpu'] as JobKind[] };
    expect(checkOffer(offer('cpu', '1', 0), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.expired' },
    });
    expect(checkOffer(offer('gpu', '1'), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.kindNotAllowed' },
    });
    expect(checkOffer(offer('tpu', '1'), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.malformed' },
    });
    expect(checkOffer(offer('cpu', 1), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.malformed' },
    });
    expect(checkOffer(offer('cpu', '-1'), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.malformed' },
    });
    expect(checkOffer(offer('cpu', '1.5'), rules, NOW)).toMatchObject({
      reason: { key: 'network:decline.malformed' },
    });
  });

  it('never accepts an offer below the floor, of a disallowed kind, or expired', () => {
    const kinds = fc.constantFrom<JobKind>('cpu', 'gpu');
    fc.assert(
      fc.property(
        kinds,
        fc.subarray<JobKind>(['cpu', 'gpu']),
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.integer({ min: -10_000, max: 10_000 }),
        (kind, allowed, price, floor, expiresInMs) => {
          const result = checkOffer(
            offer(kind, price.toString(), expiresInMs),
            { priceFloorPerGpuHour: floor, allowedKinds: allowed },
            NOW,
          );
          const shouldAccept = price >= floor && allowed.includes(kind) && expiresInMs > 0;
          expect(result.accept).toBe(shouldAccept);
          if (!result.accept) expect(result.reason.key).toMatch(/^network:decline\./);
        },
      ),
    );
  });

  it('never accepts any value that is not a well-formed price or kind', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (kind, price) => {
        const result = checkOffer(
          offer(kind, price),
          { priceFloorPerGpuHour: 0n, allowedKinds: ['cpu', 'gpu'] },
          NOW,
        );
        if (result.accept) {
          expect(['cpu', 'gpu']).toContain(kind);
          expect(price).toMatch(/^(0|[1-9][0-9]*)$/);
        }
      }),
    );
  });
});
