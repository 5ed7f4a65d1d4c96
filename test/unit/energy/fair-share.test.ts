import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairShares, type FairShareMember } from '../../../src/energy/fair-share.js';

const m = (nodeId: string, wantW: number, minW = 0): FairShareMember => ({ nodeId, wantW, minW });

const memberArb = fc.record({
  nodeId: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  wantW: fc.integer({ min: 0, max: 3000 }),
  minW: fc.integer({ min: 0, max: 400 }),
});
const membersArb = fc.uniqueArray(memberArb, { selector: (x) => x.nodeId, maxLength: 12 });

describe('fair share (water-filling)', () => {
  it('gives small wants in full and splits the rest equally', () => {
    const shares = fairShares(1000, [m('a', 100), m('b', 600), m('c', 600)]);
    expect(Object.fromEntries(shares)).toEqual({ a: 100, b: 450, c: 450 });
  });

  it('leaves out a member whose share would be below its minimum and re-splits', () => {
    const shares = fairShares(300, [m('a', 500, 120), m('b', 500, 120), m('c', 500, 120)]);
    // 100 each is useless to everyone: one leaves, the other two get 150.
    expect(Object.fromEntries(shares)).toEqual({ a: 150, b: 150, c: 0 });
  });

  it('shares nothing when there is no surplus', () => {
    expect(Object.fromEntries(fairShares(-500, [m('a', 100)]))).toEqual({ a: 0 });
    expect(Object.fromEntries(fairShares(Number.NaN, [m('a', 100)]))).toEqual({ a: 0 });
  });

  it('never hands out more than the surplus, nor more than anyone wants', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 20_000 }), membersArb, (surplus, members) => {
        const shares = fairShares(surplus, members);
        const total = [...shares.values()].reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(Math.max(0, surplus));
        for (const member of members) {
          const share = shares.get(member.nodeId)!;
          expect(share).toBeLessThanOrEqual(member.wantW);
          expect(share === 0 || share >= member.minW).toBe(true);
          expect(Number.isInteger(share)).toBe(true);
        }
      }),
    );
  });

  it('gives identical results whatever order members arrive in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        membersArb,
        fc.integer(),
        (surplus, members, seed) => {
          const shuffled = [...members].sort(
            (a, b) => ((a.wantW * 31 + seed) % 7) - ((b.wantW * 31 + seed) % 7),
          );
          expect([...fairShares(surplus, shuffled).entries()].sort()).toEqual(
            [...fairShares(surplus, members).entries()].sort(),
          );
        },
      ),
    );
  });

  it('splits equally when everyone wants more than an equal split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,5}$/), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 5000 }),
        (surplus, ids, extra) => {
          const equal = Math.floor(surplus / ids.length);
          const shares = fairShares(
            surplus,
            ids.map((id) => m(id, equal + extra, Math.min(equal, 50))),
          );
          for (const share of shares.values()) expect(share).toBe(equal);
        },
      ),
    );
  });
});
