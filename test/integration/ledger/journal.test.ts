import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Journal, JournalClosedError } from '../../../src/ledger/journal.js';
import { crc32, crc32Table } from '../../../src/ledger/crc32.js';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-journal-'));
  path = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fill(events: unknown[]): Promise<void> {
  const { journal } = await Journal.open(path);
  await Promise.all(events.map((e) => journal.append(e)));
  await journal.close();
}

const lines = async () => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');

describe('journal', () => {
  it('acknowledges appends in call order and replays them exactly', async () => {
    const { journal, records, issues } = await Journal.open(path);
    expect(records).toEqual([]);
    expect(issues).toEqual([]);
    const events = Array.from({ length: 50 }, (_, i) => ({ n: i, text: `ü "q" \n ${i}` }));
    const seqs = await Promise.all(events.map((e) => journal.append(e)));
    expect(seqs).toEqual(events.map((_, i) => i + 1));
    await journal.close();
    await expect(journal.append({})).rejects.toBeInstanceOf(JournalClosedError);

    const again = await Journal.open(path);
    expect(again.issues).toEqual([]);
    expect(again.records).toEqual(events.map((event, i) => ({ seq: i + 1, event })));
    expect(await again.journal.append({ n: 'next' })).toBe(51);
    await again.journal.close();
    for (const line of await lines()) expect(line).toMatch(/^\{"seq":\d+,"crc":\d+,"e":\{.*\}\}$/);
  });

  it('cuts a torn final line away and carries on after it', async () => {
    await fill([{ a: 1 }, { a: 2 }]);
    const good = (await stat(path)).size;
    await appendFile(path, '{"seq":3,"crc":12345,"e":{"a":');
    const { journal, records, issues } = await Journal.open(path);
    expect(records.map((r) => r.event)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(issues).toEqual([
      {
        kind: 'tornTail',
        line: 3,
        message: { key: 'ledger:issues.tornTail', values: { line: 3 } },
      },
    ]);
    expect((await stat(path)).size).toBe(good);
    expect(await journal.append({ a: 3 })).toBe(3);
    await journal.close();
    const after = await Journal.open(path);
    expect(after.issues).toEqual([]);
    expect(after.records.map((r) => r.event)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    await after.journal.close();
  });

  it('cuts a complete but unreadable tail too (a crash can leave zeros)', async () => {
    await fill([{ a: 1 }]);
    const good = (await stat(path)).size;
    await appendFile(path, Buffer.alloc(100, 0));
    await appendFile(path, '\n{"seq":2,"crc":1,"e":{"a":2}}\n');
    const { journal, records, issues } = await Journal.open(path);
    expect(records).toHaveLength(1);
    expect(issues.map((i) => i.kind)).toEqual(['tornTail']);
    expect((await stat(path)).size).toBe(good);
    await journal.close();
  });

  it('reports and skips a damaged line in the middle, never crashing', async () => {
    await fill([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    const all = await lines();
    all[1] = all[1]!.replace('"a":2', '"a":7'); // bit rot: CRC no longer matches
    all[2] = 'not json at all';
    await writeFile(path, all.join('\n') + '\n');
    const before = await readFile(path);
    const { journal, records, issues } = await Journal.open(path);
    expect(records.map((r) => [r.seq, r.event])).toEqual([
      [1, { a: 1 }],
      [4, { a: 4 }],
    ]);
    expect(issues.map((i) => [i.kind, i.line])).toEqual([
      ['corruptLine', 2],
      ['corruptLine', 3],
    ]);
    expect(await readFile(path)).toEqual(before); // evidence kept, nothing rewritten
    expect(await journal.append({ a: 5 })).toBe(5);
    await journal.close();
  });

  it('skips a repeated seq so nothing counts twice', async () => {
    await fill([{ a: 1 }, { a: 2 }]);
    const [first] = await lines();
    await appendFile(path, `${first}\n`);
    const { journal, records, issues } = await Journal.open(path);
    expect(records).toHaveLength(2);
    expect(issues.map((i) => [i.kind, i.line])).toEqual([['duplicateSeq', 3]]);
    expect(await journal.append({ a: 3 })).toBe(3);
    await journal.close();
  });

  it('creates its directory', async () => {
    const deep = join(dir, 'a', 'b', 'journal.jsonl');
    const { journal } = await Journal.open(deep);
    await journal.append({ ok: true });
    await journal.close();
    expect(await readFile(deep, 'utf8')).toContain('"ok":true');
  });
});

describe('crc32', () => {
  it('matches the IEEE check value and node:zlib', () => {
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
    for (let i = 0; i < 50; i++) {
      const data = randomBytes(i * 7);
      expect(crc32(data)).toBe(crc32Table(data));
    }
  });
});
