import { describe, expect, it } from 'vitest';
import {
  clampToCardLimits,
  isBelowCardMinimum,
  resolvePowerCap,
} from '../../../src/policy/power-budget.js';

const card = { defaultLimitW: 320, minLimitW: 100, maxLimitW: 350 };

describe('resolvePowerCap', () => {
  it('is no cap when off', () => {
    expect(resolvePowerCap({ mode: 'off', value: 50 }, card)).toEqual({
      targetW: null,
      limitW: null,
      belowCardMinimum: false,
      unresolved: false,
    });
  });

  it('takes watts as given and clamps only the nvidia-smi limit', () => {
    expect(resolvePowerCap({ mode: 'watts', value: 250 }, card)).toMatchObject({
      targetW: 250,
      limitW: 250,
      belowCardMinimum: false,
    });
    expect(resolvePowerCap({ mode: 'watts', value: 500 }, card)).toMatchObject({
      targetW: 500,
      limitW: 350,
    });
    expect(resolvePowerCap({ mode: 'watts', value: 60 }, card)).toMatchObject({
      targetW: 60,
      limitW: 100,
      belowCardMinimum: true,
    });
  });

  it('takes percent of the default limit', () => {
    expect(resolvePowerCap({ mode: 'percent', value: 75 }, card).targetW).toBe(240);
    expect(resolvePowerCap({ mode: 'percent', value: 33 }, card).targetW).toBe(105.6);
    expect(resolvePowerCap({ mode: 'percent', value: 20 }, card)).toMatchObject({
      targetW: 64,
      limitW: 100,
      belowCardMinimum: true,
    });
  });

  it('reports a percent cap on a card without a default limit as unresolved', () => {
    expect(resolvePowerCap({ mode: 'percent', value: 75 }, null)).toMatchObject({
      targetW: null,
      unresolved: true,
    });
  });

  it('does not clamp against limits the card does not report', () => {
    const unknown = { defaultLimitW: null, minLimitW: null, maxLimitW: null };
    expect(resolvePowerCap({ mode: 'watts', value: 40 }, unknown)).toMatchObject({
      targetW: 40,
      limitW: 40,
      belowCardMinimum: false,
    });
    expect(clampToCardLimits(1000, null)).toBe(1000);
    expect(isBelowCardMinimum(10, null)).toBe(false);
  });
});
