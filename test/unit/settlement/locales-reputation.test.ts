import { describe, expect, it } from 'vitest';
import en from '../../../src/api/locales/en/settlement.js';
import idLocale from '../../../src/api/locales/id/settlement.js';
import { reputationView } from '../../../src/settlement/reputation.js';

type Tree = { readonly [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(tree: Tree): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) {
      if (typeof v === 'string')
        out[prefix + k] = [...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(tree, '');
  return out;
}

describe('settlement messages', () => {
  it('English and Bahasa Indonesia have the same keys and placeholders', () => {
    expect(keys(idLocale).sort()).toEqual(keys(en).sort());
    expect(placeholders(idLocale)).toEqual(placeholders(en));
  });
});

describe('reputationView', () => {
  it('explains a good score briefly and a poor one with what to do', () => {
    const good = reputationView({
      v: 1,
      type: 'reputation',
      score: 100,
      missedHeartbeats: 0,
      committedHours: 12,
      slashes: [],
    });
    expect(good.explanation.map((m) => m.key)).toEqual([
      'settlement:reputation.good',
      'settlement:reputation.committedHours',
    ]);
    const poor = reputationView({
      v: 1,
      type: 'reputation',
      score: 50,
      missedHeartbeats: 5,
      committedHours: 40,
      slashes: [{ amount: '1', reason: 'missed window', at: '2026-11-03T02:00:00Z' }],
    });
    expect(poor).toMatchObject({ score: 50, missedHeartbeats: 5, slashes: 1 });
    expect(poor.explanation.map((m) => m.key)).toEqual([
      'settlement:reputation.poor',
      'settlement:reputation.committedHours',
      'settlement:reputation.missedHeartbeats',
      'settlement:reputation.slashed',
      'settlement:reputation.howToImprove',
    ]);
  });
});
