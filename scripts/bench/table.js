// Renders result rows as a plain-text table (terminal) or a Markdown table (docs).

const COLUMNS = [
  ['Benchmark', (r) => r.bench],
  ['Measures', (r) => r.measure],
  ['n', (r) => (r.n === null || r.n === undefined ? '' : String(r.n))],
  ['p50', (r) => fmt(r.p50, r.unit)],
  ['p99', (r) => fmt(r.p99, r.unit)],
  ['Target', (r) => r.target ?? ''],
  ['Verdict', (r) => verdict(r)],
  ['Note', (r) => r.note ?? ''],
];

/** A number with at most 3 significant decimals, and its unit; '' when absent. */
export function fmt(value, unit = '') {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** 'met' / 'MISSED' where a row carries a machine-checkable target, else ''. */
export function verdict(row) {
  if (!row.check) return '';
  return row.check() ? 'met' : 'MISSED';
}

export function textTable(rows) {
  const cells = rows.map((r) => COLUMNS.map(([, get]) => get(r)));
  const widths = COLUMNS.map(([title], i) =>
    Math.max(title.length, ...cells.map((row) => row[i].length)),
  );
  const line = (values) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [
    line(COLUMNS.map(([title]) => title)),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...cells.map(line),
  ].join('\n');
}

export function markdownTable(rows) {
  const escape = (v) => v.replaceAll('|', '\\|');
  const line = (values) => `| ${values.map(escape).join(' | ')} |`;
  return [
    line(COLUMNS.map(([title]) => title)),
    line(COLUMNS.map(() => '---')),
    ...rows.map((r) => line(COLUMNS.map(([, get]) => get(r)))),
  ].join('\n');
}
