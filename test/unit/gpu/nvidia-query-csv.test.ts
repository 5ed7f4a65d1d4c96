import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GpuSchema } from '../../../src/api/gpu-schemas.js';
import {
  driverModelOf,
  gpuFromQueryRow,
  parseQueryGpuCsv,
  parseQueryGpuCsvWithHeader,
  QUERY_GPU_FIELDS,
  SYSTEMINFORMATION_QUERY_FIELDS,
} from '../../../src/gpu/nvidia-query-csv.js';
import { gpuFixtures, projectCsv, readGpuFixture } from '../../helpers/fake-tools/index.js';

const EXTRACTED = 'nvidia-smi-captures/extracted';
const captures = gpuFixtures(EXTRACTED, '.csv');

describe('nvidia-smi --query-gpu (noheader,nounits) on every real capture', () => {
  it('finds all twelve captures', () => {
    expect(captures).toHaveLength(12);
  });

  it.each(captures)('%s parses into one valid GPU', (file) => {
    const rows = parseQueryGpuCsv(
      projectCsv(readGpuFixture(file), QUERY_GPU_FIELDS),
      QUERY_GPU_FIELDS,
    );
    expect(rows).toHaveLength(1);
    const gpu = gpuFromQueryRow(rows[0]!, 0);
    expect(GpuSchema.parse(gpu)).toEqual(gpu);
    expect(gpu.vendor).toBe('nvidia');
    expect(gpu.index).toBe(0);
    expect(gpu.vramMiB).toBeGreaterThan(0);
    expect(gpu.power.limitW).toBeGreaterThan(0);
  });

  it.each(captures)('%s reads the same through the header-and-units parser', (file) => {
    const text = readGpuFixture(file);
    const withHeader = parseQueryGpuCsvWithHeader(text).map(gpuFromQueryRow);
    const projected = parseQueryGpuCsv(projectCsv(text, QUERY_GPU_FIELDS), QUERY_GPU_FIELDS).map(
      gpuFromQueryRow,
    );
    expect(withHeader).toEqual(projected);
  });

  const known: [string, Partial<ReturnType<typeof gpuFromQueryRow>>][] = [
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.query-gpu-all-fields.idle.csv',
      {
        model: 'NVIDIA GeForce RTX 2080 SUPER',
        vramMiB: 8192,
        vramUsedMiB: 214,
        driverVersion: '595.71.05',
        computeCapability: '7.5',
        power: { drawW: 39.32, limitW: 250, defaultLimitW: 250, minLimitW: 105, maxLimitW: 350 },
        temperatureC: 40,
        utilizationPct: 0,
        fanPct: 38,
        mig: { enabled: false, instances: 0 },
        busId: '00000000:0C:00.0',
      },
    ],
    [
      'linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.query-gpu-all-fields.load.csv',
      {
        model: 'NVIDIA H100 80GB HBM3',
        vramMiB: 81559,
        computeCapability: '9.0',
        power: { drawW: 631.95, limitW: 700, defaultLimitW: 700, minLimitW: 200, maxLimitW: 700 },
        utilizationPct: 100,
        fanPct: null,
      },
    ],
    [
      'linux-x86_64__nvidia-h100-mig__590.48.01.query-gpu-all-fields.idle.csv',
      { utilizationPct: null, mig: { enabled: true, instances: 0 }, fanPct: null },
    ],
    [
      'linux-x86_64__nvidia-h200-mig__590.48.01.query-gpu-all-fields.load.csv',
      { model: 'NVIDIA H200', vramMiB: 143771 },
    ],
    [
      'linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04.query-gpu-all-fields.idle.csv',
      { driverVersion: '610.57.04' },
    ],
    [
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.query-gpu-all-fields.idle.csv',
      { vramUsedMiB: 702 },
    ],
  ];
  it.each(known)('%s has the recorded values', (file, expected) => {
    const [row] = parseQueryGpuCsv(
      projectCsv(readGpuFixture(`${EXTRACTED}/${file}`), QUERY_GPU_FIELDS),
      QUERY_GPU_FIELDS,
    );
    expect(gpuFromQueryRow(row!, 0)).toMatchObject(expected);
  });

  it('reads the Windows driver model (WDDM) and none on Linux', () => {
    const windows =
      'windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.query-gpu-all-fields.load.csv';
    const linux =
      'linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.query-gpu-all-fields.load.csv';
    const read = (f: string) =>
      parseQueryGpuCsv(
        projectCsv(readGpuFixture(`${EXTRACTED}/${f}`), QUERY_GPU_FIELDS),
        QUERY_GPU_FIELDS,
      )[0]!;
    expect(driverModelOf(read(windows))).toBe('WDDM');
    expect(driverModelOf(read(linux))).toBeNull();
  });

  it('survives CRLF line ends and extra padding', () => {
    const text = projectCsv(readGpuFixture(captures[0]!), QUERY_GPU_FIELDS)
      .split('\n')
      .map((line) => line.replace(/, /g, ' ,   '))
      .join('\r\n');
    const [row] = parseQueryGpuCsv(`\r\n${text}\r\n`, QUERY_GPU_FIELDS);
    expect(gpuFromQueryRow(row!, 0).model).toBe('NVIDIA GeForce RTX 2080 SUPER');
  });

  it('turns every kind of "unknown" marker into null', () => {
    const values = QUERY_GPU_FIELDS.map((f) =>
      f === 'index'
        ? '0'
        : f === 'name'
          ? 'X'
          : f === 'power.draw'
            ? '[Not Supported]'
            : f === 'fan.speed'
              ? 'N/A'
              : '[Unknown Error]',
    );
    const gpu = gpuFromQueryRow(parseQueryGpuCsv(values.join(', '), QUERY_GPU_FIELDS)[0]!, 0);
    expect(gpu.power.drawW).toBeNull();
    expect(gpu.fanPct).toBeNull();
    expect(gpu.vramMiB).toBeNull();
    expect(gpu.uuid).toBeNull();
  });

  it('skips per-GPU error lines but keeps the healthy GPUs', () => {
    const good = projectCsv(readGpuFixture(captures[0]!), QUERY_GPU_FIELDS).trim();
    const text = `${good}\nUnable to determine the device handle for GPU 0000:02:00.0: GPU is lost.\n`;
    expect(parseQueryGpuCsv(text, QUERY_GPU_FIELDS)).toHaveLength(1);
    expect(() => parseQueryGpuCsv('garbage only', QUERY_GPU_FIELDS)).toThrow(/no line/);
  });

  it('reads the systeminformation capture: GTX 1070 Ti + GT 710 with [N/A] fields', () => {
    const text = readGpuFixture(
      'nvidia-smi-systeminformation-csv/gtx1070ti-plus-gt710-driver-450.57-si-query.csv',
    );
    const gpus = parseQueryGpuCsv(text, SYSTEMINFORMATION_QUERY_FIELDS).map(gpuFromQueryRow);
    expect(gpus.map((g) => [g.index, g.model, g.vramMiB])).toEqual([
      [0, 'GeForce GTX 1070 Ti', 8119],
      [1, 'GeForce GT 710', 981],
    ]);
    expect(gpus[0]).toMatchObject({
      fanPct: 37,
      utilizationPct: 14,
      temperatureC: 38,
      power: { drawW: 41.22, limitW: 180 },
    });
    expect(gpus[1]).toMatchObject({
      fanPct: null,
      utilizationPct: null,
      temperatureC: 45,
      power: { drawW: null, limitW: null },
    });
  });

  it('never throws on arbitrary cells for a well-formed row (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/[,\r\n]/.test(s)),
          { minLength: QUERY_GPU_FIELDS.length, maxLength: QUERY_GPU_FIELDS.length },
        ),
        (cells) => {
          const rows = parseQueryGpuCsv(cells.join(', '), QUERY_GPU_FIELDS);
          const gpu = gpuFromQueryRow(rows[0]!, 3);
          expect(GpuSchema.safeParse(gpu).success).toBe(true);
        },
      ),
    );
  });
});
