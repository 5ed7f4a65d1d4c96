import { describe, expect, it } from 'vitest';
import { EnergyModeSchema } from '../../../src/api/energy-schemas.js';
import {
  formToMode,
  formToSource,
  modeToForm,
  sourceToForm,
} from '../../../renderer/lib/energy-forms.js';
import { countdown } from '../../../renderer/lib/useNow.js';
import { passwordStrength } from '../../../renderer/lib/password-strength.js';

describe('energy source form', () => {
  it('builds a valid HTTP JSON source and round-trips it', () => {
    const form = { ...sourceToForm({ kind: 'none' }), kind: 'httpJson' as const };
    form.url = 'http://192.168.1.20/api/state';
    form.fieldPath = 'site.gridPower';
    form.pollIntervalS = '5';
    const checked = formToSource(form);
    expect(checked).toEqual({
      ok: true,
      value: {
        kind: 'httpJson',
        url: 'http://192.168.1.20/api/state',
        fieldPath: 'site.gridPower',
        sign: 'exportNegative',
        pollIntervalS: 5,
      },
    });
    if (checked.ok) expect(formToSource(sourceToForm(checked.value))).toEqual(checked);
  });

  it('puts the core’s own error key under the field that is wrong', () => {
    const form = { ...sourceToForm({ kind: 'none' }), kind: 'httpJson' as const, url: 'ftp://x' };
    form.fieldPath = 'a b';
    const checked = formToSource(form);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.url?.key).toBe('energy:error.invalidHttpUrl');
      expect(checked.errors.fieldPath?.key).toBe('energy:error.invalidFieldPath');
    }
  });

  it('manual: empty budget means no limit', () => {
    const form = { ...sourceToForm({ kind: 'none' }), kind: 'manual' as const, surplusNow: true };
    expect(formToSource(form)).toEqual({
      ok: true,
      value: { kind: 'manual', surplusNow: true, fixedBudgetW: null },
    });
  });
});

describe('energy mode form', () => {
  const defaults = EnergyModeSchema.parse({});
  it('sends the whole mode object, changed fields included', () => {
    const form = { ...modeToForm(defaults), mode: 'minSolar' as const, floorW: '150' };
    expect(formToMode(form, defaults)).toEqual({
      ok: true,
      value: { ...defaults, mode: 'minSolar', floorW: 150 },
    });
  });
  it('refuses a bad number or price, per field', () => {
    const form = { ...modeToForm(defaults), stopDelayS: 'soon', priceLimit: 'cheap' };
    const checked = formToMode(form, defaults);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.errors).sort()).toEqual(['priceLimit', 'stopDelayS']);
      expect(checked.errors.priceLimit?.key).toBe('energy:error.invalidPrice');
    }
  });
});

describe('small helpers', () => {
  it('rates passwords by length first', () => {
    expect(passwordStrength('short')).toBe('tooShort');
    expect(passwordStrength('abcdefgh')).toBe('weak');
    expect(passwordStrength('abcdefghij')).toBe('fair');
    expect(passwordStrength('correct horse battery')).toBe('strong');
  });
  it('counts down in days, hours, minutes, never below zero', () => {
    const day = 86_400_000;
    expect(countdown(7 * day - 61_000, 0)).toEqual({ d: 6, h: 23, m: 58, s: 59 });
    expect(countdown(0, 5000)).toEqual({ d: 0, h: 0, m: 0, s: 0 });
  });
});
