import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FailFrame } from '../../../src/api/protocol-schemas.js';
import { Outbox, outboxKey } from '../../../src/network/outbox.js';

const fail = (jobId: string, detail = 'x'): FailFrame => ({
  v: 1,
  type: 'fail',
  jobId,
  outcome: 'failed',
  detail,
});

async function path(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'lumbung-outbox-')), 'outbox.jsonl');
}

describe('Outbox', () => {
  it('keeps one item per job and type: a second put is a no-op that keeps the first', async () => {
    const file = await path();
    const box = await Outbox.open(file);
    expect(await box.put(fail('j1', 'first'))).toBe(true);
    expect(await box.put(fail('j1', 'second'))).toBe(false);
    expect(box.pending()).toEqual([fail('j1', 'first')]);
    const reopened = await Outbox.open(file);
    expect(reopened.pending()).toEqual([fail('j1', 'first')]);
  });

  it('forgets acknowledged items durably and compacts on open', async () => {
    const file = await path();
    const box = await Outbox.open(file);
    await box.put(fail('j1'));
    await box.put(fail('j2'));
    expect(await box.remove(outboxKey({ jobId: 'j1', type: 'fail' }))).toBe(true);
    expect(await box.remove('nope:fail')).toBe(false);
    const reopened = await Outbox.open(file);
    expect(reopened.pending().map((f) => f.jobId)).toEqual(['j2']);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('survives a torn last line', async () => {
    const file = await path();
    const box = await Outbox.open(file);
    await box.put(fail('j1'));
    await appendFile(file, '{"op":"put","key":"j2:fail","frame":{"v":1,');
    const reopened = await Outbox.open(file);
    expect(reopened.pending().map((f) => f.jobId)).toEqual(['j1']);
    expect(reopened.skippedLines).toBe(1);
  });

  it('after any sequence of puts and removes, a reopened outbox holds exactly the live items', async () => {
    const op = fc.record({ put: fc.boolean(), job: fc.constantFrom('a', 'b', 'c', 'd') });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
        const file = await path();
        const box = await Outbox.open(file);
        const live = new Set<string>();
        for (const o of ops) {
          if (o.put) {
            await box.put(fail(o.job));
            live.add(o.job);
          } else {
            await box.remove(`${o.job}:fail`);
            live.delete(o.job);
          }
        }
        const reopened = await Outbox.open(file);
        expect(new Set(reopened.pending().map((f) => f.jobId))).toEqual(live);
      }),
      { numRuns: 25 },
    );
  });
});
