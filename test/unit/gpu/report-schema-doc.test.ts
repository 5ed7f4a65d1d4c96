import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { GpuReportSchema } from '../../../src/api/gpu-schemas.js';

const FILE = new URL('../../../docs/gpu-report.schema.json', import.meta.url);

describe('docs/gpu-report.schema.json', () => {
  it('is the JSON Schema of what `lumbung gpu --json` prints', () => {
    const current = `${JSON.stringify(z.toJSONSchema(GpuReportSchema, { io: 'output' }), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(FILE, current);
    expect(readFileSync(FILE, 'utf8')).toBe(current);
  });
});
