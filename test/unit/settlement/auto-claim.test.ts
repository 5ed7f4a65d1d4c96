import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_GAS_LIMIT, autoClaimDue } from '../../../src/settlement/auto-claim.js';
import type { AutoClaimInput } from '../../../src/settlement/auto-claim.js';

const T = 10n ** 18n;
const amount = fc.bigInt({ min: 0n, max: 10n ** 24n });
const gasPrice = fc.bigInt({ min: 0n, max: 10n ** 12n });
const price = fc.option(fc.bigInt({ min: 1n, max: 10n ** 18n }), { nil: null });
const input = fc.record({
  claimable: amount,
  threshold: fc.option(amount, { nil: null }),
  gasPriceWei: gasPrice,
  nativeWeiPerToken: price,
});

describe('autoClaimDue', () => {
  it('never claims with auto-claim off, nothing to claim, or below the threshold', () => {
    fc.assert(
      fc.property(input, (i) => {
        if (i.threshold === null || i.claimable === 0n || i.claimable < i.threshold)
          expect(autoClaimDue(i)).toBe(false);
      }),
    );
  });

  it('more to claim never turns a due claim into a not-due one', () => {
    fc.assert(
      fc.property(input, amount, (i, extra) => {
        if (autoClaimDue(i))
          expect(autoClaimDue({ ...i, claimable: i.claimable + extra })).toBe(true);
      }),
    );
  });

  it('dearer gas never turns a not-due claim into a due one', () => {
    fc.assert(
      fc.property(input, gasPrice, (i, extra) => {
        if (!autoClaimDue(i))
          expect(autoClaimDue({ ...i, gasPriceWei: i.gasPriceWei + extra })).toBe(false);
      }),
    );
  });

  it('with a price, claims only when gas is at most 5 % of the value', () => {
    fc.assert(
      fc.property(amount, gasPrice, fc.bigInt({ min: 1n, max: 10n ** 18n }), (claimable, gp, p) => {
        const i: AutoClaimInput = {
          claimable,
          threshold: 0n,
          gasPriceWei: gp,
          nativeWeiPerToken: p,
        };
        const gasWei = gp * CLAIM_GAS_LIMIT;
        const valueWei = (claimable * p) / T;
        const due = autoClaimDue(i);
        if (due) expect(gasWei * 20n).toBeLessThanOrEqual(valueWei);
        if (claimable > 0n && gasWei * 20n <= (claimable * p) / T) expect(due).toBe(true);
      }),
    );
  });

  it('without a price, the threshold alone decides', () => {
    expect(autoClaimDue({ claimable: 5n * T, threshold: 5n * T, gasPriceWei: 10n ** 12n })).toBe(
      true,
    );
    expect(autoClaimDue({ claimable: 5n * T - 1n, threshold: 5n * T, gasPriceWei: 0n })).toBe(
      false,
    );
  });

  it('examples: 1 gwei gas, token worth 0.001 ETH', () => {
    const base = { threshold: T, gasPriceWei: 10n ** 9n, nativeWeiPerToken: 10n ** 15n };
    // Gas 120k × 1 gwei = 0.00012 ETH; 5 % of that is 0.0024 ETH of tokens = 2.4 tokens.
    expect(autoClaimDue({ ...base, claimable: 2n * T })).toBe(false);
    expect(autoClaimDue({ ...base, claimable: (24n * T) / 10n })).toBe(true);
  });
});
