import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runningBlockers } from '../../../src/policy/blockers.js';

describe('runningBlockers', () => {
  it('matches listed programs by name, ignoring case and .exe', () => {
    expect(
      runningBlockers(['steam.exe', 'bash', 'Discord'], ['Steam', 'discord', 'EpicGamesLauncher']),
    ).toEqual(['Steam', 'discord']);
    expect(runningBlockers(['steamwebhelper'], ['steam'])).toEqual([]);
    expect(runningBlockers(['a'], ['', '  '])).toEqual([]);
  });

  it('never reports a program that is not running', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (running, listed) => {
        const found = runningBlockers(running, listed);
        const norm = (n: string) =>
          n
            .trim()
            .toLowerCase()
            .replace(/\.exe$/, '');
        for (const name of found) expect(running.map(norm)).toContain(norm(name));
      }),
    );
  });
});
