import { describe, expect, it } from 'vitest';
import { csvField, csvText, toCsv } from '../../../src/ledger/csv.js';
import { TOKEN, finishedJob, freshBook } from './book-helpers.js';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('missing final CRLF');
  return rows;
}

describe('csv', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM')).toBe("'@SUM");
    expect(csvText('gpu')).toBe('gpu');
  });

  it('exports exact amounts and survives hostile text', () => {
    const kind = 'render, "4K"\r\nline';
    const book = freshBook([
      { t: 'offer', jobId: '=cmd|x', at: Date.parse('2024-04-01T00:00:00Z'), kind, price: '1' },
      {
        t: 'decline',
        jobId: '=cmd|x',
        at: Date.parse('2024-04-01T00:00:01Z'),
        reason: { key: 'policy:reasons.price' },
      },
      ...finishedJob(
        'j2',
        Date.parse('2024-04-02T00:00:00Z'),
        Date.parse('2024-04-02T01:00:00Z'),
        TOKEN + 1n,
        250,
      ),
    ]);
    const rows = parseCsv(
      toCsv(book.jobs.values(), { timeZone: 'UTC', electricityPricePerKwh: 2n * TOKEN }),
    );
    expect(rows).toHaveLength(3);
    const [header, declined, done] = rows as [string[], string[], string[]];
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(header.length).toBe(21);
    expect(declined.length).toBe(header.length);
    expect(col(declined, 'job_id')).toBe("'=cmd|x");
    expect(col(declined, 'kind')).toBe(kind);
    expect(col(declined, 'state')).toBe('declined');
    expect(col(declined, 'reason')).toBe('policy:reasons.price');
    expect(col(done, 'amount')).toBe('1.000000000000000001');
    expect(col(done, 'amount_base_units')).toBe('1000000000000000001');
    expect(col(done, 'price_per_gpu_hour')).toBe('2');
    expect(col(done, 'started_at')).toBe('2024-04-02T00:00:00.000Z');
    expect(col(done, 'gpu_seconds')).toBe('3600');
    expect(col(done, 'electricity_cost')).toBe('0.5');
    expect(col(done, 'net')).toBe('0.500000000000000001');
  });

  it('filters by the local month a job ended', () => {
    // 31 March 23:30 UTC is already 1 April in Jakarta.
    const book = freshBook([
      ...finishedJob(
        'march',
        Date.parse('2024-03-31T16:00:00Z'),
        Date.parse('2024-03-31T16:30:00Z'),
        1n,
      ),
      ...finishedJob(
        'april',
        Date.parse('2024-03-31T23:00:00Z'),
        Date.parse('2024-03-31T23:30:00Z'),
        1n,
      ),
    ]);
    const ids = (month: string, timeZone: string) =>
      parseCsv(toCsv(book.jobs.values(), { timeZone, month }))
        .slice(1)
        .map((r) => r[0]);
    expect(ids('2024-03', 'Asia/Jakarta')).toEqual(['march']);
    expect(ids('2024-04', 'Asia/Jakarta')).toEqual(['april']);
    expect(ids('2024-03', 'UTC')).toEqual(['march', 'april']);
    expect(parseCsv(toCsv([], { timeZone: 'UTC' }))).toHaveLength(1);
  });
});
