import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueMessage, splitIssues } from '../../../renderer/lib/field-issues.js';

describe('the core’s field issues on a form', () => {
  it('puts each issue next to its field and the rest under the form', () => {
    const split = splitIssues(
      [
        { path: 'energy.community.brokerUrl', message: 'energy:error.invalidBrokerUrl' },
        { path: 'energy.community.tls.rejectUnauthorized', message: 'Invalid input' },
        { path: 'energy.community.brokerUrl', message: 'second issue, ignored' },
        { path: 'energy.mode.startDelayS', message: 'Too big' },
      ],
      'energy.community',
      ['brokerUrl', 'tls', 'nodeId'],
    );
    expect(split.fields).toEqual({
      brokerUrl: { key: 'energy:error.invalidBrokerUrl' },
      tls: { key: 'ui:common.badValue' },
    });
    expect(split.rest).toEqual([{ key: 'ui:common.badValue' }]);
  });

  it('matches whole paths with an empty prefix, and never a field by a mere name prefix', () => {
    const split = splitIssues(
      [
        { path: 'currency.code', message: 'settings:error.badCurrency' },
        { path: 'currencyX', message: 'x' },
      ],
      '',
      ['currency.code', 'currency'],
    );
    expect(split.fields).toEqual({ 'currency.code': { key: 'settings:error.badCurrency' } });
    expect(split.rest).toHaveLength(1);
  });

  it('translates message keys and never shows zod’s English', () => {
    expect(issueMessage('policy:error.invalidTemperature')).toEqual({
      key: 'policy:error.invalidTemperature',
    });
    expect(issueMessage('Too big: expected number to be <=3600')).toEqual({
      key: 'ui:common.badValue',
    });
  });

  it('loses no issue: every one lands on exactly one field or in the rest', () => {
    const segment = fc.constantFrom('energy', 'mode', 'community', 'tls', 'brokerUrl', 'a');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('.'));
    fc.assert(
      fc.property(
        fc.array(fc.record({ path, message: fc.string() }), { maxLength: 20 }),
        fc.constantFrom('', 'energy', 'energy.community'),
        fc.uniqueArray(segment, { maxLength: 4 }),
        (issues, prefix, known) => {
          const split = splitIssues(issues, prefix, known);
          const fieldCount = Object.keys(split.fields).length;
          expect(fieldCount).toBeLessThanOrEqual(issues.length - split.rest.length);
          expect(fieldCount > 0 || split.rest.length === issues.length).toBe(true);
          for (const name of Object.keys(split.fields)) expect(known).toContain(name);
        },
      ),
    );
  });
});
