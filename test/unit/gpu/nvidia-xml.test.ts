import { describe, expect, it } from 'vitest';
import { GpuSchema, type Gpu } from '../../../src/api/gpu-schemas.js';
import { parseNvidiaSmiXml } from '../../../src/gpu/nvidia-xml.js';
import { gpuFixtures, readGpuFixture } from '../../helpers/fake-tools/index.js';

const files = gpuFixtures('nvidia-smi-q-x', '.xml');
const parse = (name: string) => parseNvidiaSmiXml(readGpuFixture(`nvidia-smi-q-x/${name}`));

describe('nvidia-smi -q -x on every real capture', () => {
  it('finds all thirteen captures', () => {
    expect(files).toHaveLength(13);
  });

  it.each(files)('%s parses into valid GPUs', (file) => {
    const log = parseNvidiaSmiXml(readGpuFixture(file));
    expect(log.gpus.length).toBeGreaterThan(0);
    expect(log.driverModels).toHaveLength(log.gpus.length);
    for (const gpu of log.gpus) expect(GpuSchema.parse(gpu)).toEqual(gpu);
  });

  const known: [string, number, Partial<Gpu>][] = [
    [
      'rtx3060-driver-570.124.04.xml',
      0,
      {
        model: 'NVIDIA GeForce RTX 3060',
        vramMiB: 12288,
        vramUsedMiB: 116,
        driverVersion: '570.124.04',
        cudaVersion: '12.8',
        // No <power_draw>: the instant reading stands in.
        power: { drawW: 11.63, limitW: 170, defaultLimitW: 170, minLimitW: 100, maxLimitW: 190 },
        fanPct: 0,
        busId: '00000000:2D:00.0',
        mig: { enabled: false, instances: 0 },
      },
    ],
    [
      '8x-tesla-v100s-pcie-32gb-driver-460.73.01.xml',
      7,
      { model: 'Tesla V100S-PCIE-32GB', index: 7, fanPct: null },
    ],
    [
      'a100-sxm4-80gb-mig-4-instances-driver-535.54.03.xml',
      0,
      {
        model: 'NVIDIA A100-SXM4-80GB',
        mig: { enabled: true, instances: 4 },
        utilizationPct: null,
        power: { drawW: 67.03, limitW: 500, defaultLimitW: 500, minLimitW: 100, maxLimitW: 500 },
      },
    ],
    [
      'gtx1070ti-v10dtd-trimmed.xml',
      0,
      {
        model: 'GeForce GTX 1070 Ti',
        driverVersion: null,
        cudaVersion: null,
        fanPct: 100,
        temperatureC: 39,
        vramMiB: 4096,
        power: { drawW: null, limitW: null, defaultLimitW: null, minLimitW: null, maxLimitW: null },
        busId: '00000000:01:00.0',
      },
    ],
    [
      'gtx1660ti-graphics-device-driver-418.43.xml',
      0,
      { model: 'Graphics Device', driverVersion: '418.43' },
    ],
    [
      'gtx1050-laptop-hp-driver-515.65.01.xml',
      0,
      {
        model: 'NVIDIA GeForce GTX 1050',
        fanPct: null,
        power: { drawW: null, limitW: null, defaultLimitW: null, minLimitW: null, maxLimitW: null },
      },
    ],
    [
      'rtx3080-windows-wddm-driver-536.40.xml',
      0,
      {
        power: { drawW: 22.78, limitW: 336, defaultLimitW: 320, minLimitW: 100, maxLimitW: 336 },
      },
    ],
    [
      'rtx3080-v13dtd-driver-595.58.03.xml',
      0,
      {
        vramUsedMiB: 9184,
        cudaVersion: '13.2',
        power: { drawW: 142.33, limitW: 320, defaultLimitW: 320, minLimitW: 100, maxLimitW: 336 },
      },
    ],
    [
      'tesla-t4-driver-515.105.01.xml',
      0,
      {
        model: 'Tesla T4',
        vramMiB: 15360,
        power: { drawW: 26.78, limitW: 70, defaultLimitW: 70, minLimitW: 60, maxLimitW: 70 },
      },
    ],
  ];
  it.each(known)('%s GPU %i has the recorded values', (file, index, expected) => {
    expect(parse(file).gpus[index]).toMatchObject(expected);
  });

  it('lists all eight GPUs of the 8-card server in index order', () => {
    const log = parse('8x-tesla-v100s-pcie-32gb-driver-460.73.01.xml');
    expect(log.gpus.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(log.gpus.map((g) => g.busId)).size).toBe(8);
  });

  it('trusts the <gpu> elements, not attached_gpus, under MIG', () => {
    const log = parse('a100-sxm4-80gb-mig-4-instances-driver-535.54.03.xml');
    expect(log.attachedGpus).toBe(4);
    expect(log.gpus).toHaveLength(1);
  });

  it('reads processes with type and memory', () => {
    const laptop = parse('gtx1050-laptop-hp-driver-515.65.01.xml').gpus[0]!;
    expect(laptop.processes).toEqual([
      { pid: 1200, name: '/usr/lib/xorg/Xorg', usedMiB: 61, type: 'graphics' },
      {
        pid: 30091,
        name: '/snap/firefox/1775/usr/lib/firefox/firefox',
        usedMiB: 1,
        type: 'graphics',
      },
    ]);
    expect(
      parse('8x-tesla-v100s-pcie-32gb-driver-460.73.01.xml').gpus.every(
        (g) => g.processes.length === 1,
      ),
    ).toBe(true);
  });

  it('reads the Windows driver model', () => {
    expect(parse('rtx3080-windows-wddm-driver-536.40.xml').driverModels).toEqual(['WDDM']);
    expect(parse('rtx3060-driver-570.124.04.xml').driverModels).toEqual([null]);
  });

  it('recognises the Iluvatar ixsmi clone inside a shell transcript as a non-NVIDIA GPU', () => {
    const log = parse('iluvatar-bi-v100-ixsmi-2.3.0.xml');
    expect(log.tool).toBe('ixsmi');
    expect(log.gpus).toHaveLength(1);
    expect(log.gpus[0]).toMatchObject({
      vendor: 'other',
      model: 'Iluvatar BI-V100',
      vramMiB: 32768,
      vramUsedMiB: 513,
      temperatureC: 35,
      power: { drawW: 53, limitW: 250, defaultLimitW: 250, minLimitW: null, maxLimitW: null },
    });
  });

  it('rejects text that is not nvidia-smi XML', () => {
    expect(() => parseNvidiaSmiXml('<html><body>hi</body></html>')).toThrow(/nvidia_smi_log/);
  });

  it('reads an empty log as no GPUs', () => {
    expect(
      parseNvidiaSmiXml('<?xml version="1.0"?><nvidia_smi_log></nvidia_smi_log>').gpus,
    ).toEqual([]);
  });
});
