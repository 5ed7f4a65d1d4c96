import { describe, expect, it } from 'vitest';
import { GpuSchema } from '../../../src/api/gpu-schemas.js';
import { parseRocmSmiJson } from '../../../src/gpu/rocm-json.js';
import { gpuFixtures, readGpuFixture } from '../../helpers/fake-tools/index.js';

const parse = (name: string) => parseRocmSmiJson(readGpuFixture(`rocm-smi-json/${name}`));

describe('rocm-smi --json on every real capture', () => {
  it.each(gpuFixtures('rocm-smi-json', '.json'))('%s parses into valid AMD GPUs', (file) => {
    const result = parseRocmSmiJson(readGpuFixture(file));
    expect(result.gpus.length).toBeGreaterThan(0);
    for (const gpu of result.gpus) {
      expect(GpuSchema.parse(gpu)).toEqual(gpu);
      expect(gpu.vendor).toBe('amd');
    }
  });

  it('reads six MI100s with their processes', () => {
    const { gpus, driverVersion } = parse('mi100_rocm571.json');
    expect(driverVersion).toBe('6.2.4');
    expect(gpus.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(gpus[0]).toMatchObject({
      model: 'Arcturus GL-XL [Instinct MI100]',
      vramMiB: 32752,
      temperatureC: 31,
      power: { drawW: 39, limitW: 290 },
      busId: '0000:1E:00.0',
      utilizationPct: 0,
    });
    expect(gpus[0]?.processes).toEqual([
      { pid: 104225, name: 'mlir-cpu-runner', usedMiB: 0, type: 'compute' },
    ]);
  });

  it('does not take a bare PCI id as the model name (ROCm 4.3)', () => {
    const gpu = parse('rx6700xt_rocm430.json').gpus[0]!;
    expect(gpu.model).toBe('AMD GPU 0x73df');
    expect(gpu).toMatchObject({ vramMiB: 12272, vramUsedMiB: 1548, temperatureC: 45, uuid: null });
  });

  it('reads the 6.1.2 device name and gfx target', () => {
    const gpu = parse('rx6700xt_rocm612.json').gpus[0]!;
    expect(gpu.model).toBe('Navi 22 [Radeon RX 6700/6700 XT / 6800M]');
    expect(gpu.computeCapability).toBe('gfx1031');
    expect(gpu.uuid).toBe('55069');
  });

  it('handles the Vega capture without a Card series key, with a fan', () => {
    const gpu = parse('vega-10-XT.json').gpus[0]!;
    expect(gpu).toMatchObject({
      model: 'AMD GPU 0x6861',
      fanPct: 13,
      uuid: '0x2150e7d042a1124',
      driverVersion: '5.9.25',
    });
  });

  it('rejects non-JSON and JSON of the wrong shape', () => {
    expect(() => parseRocmSmiJson('not json')).toThrow(/not JSON/);
    expect(() => parseRocmSmiJson('{"card0": [1,2]}')).toThrow(/rocm-smi/);
    expect(() => parseRocmSmiJson('{"foo": {"a": "b"}}')).toThrow(/card0/);
  });
});
