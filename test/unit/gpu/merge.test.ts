import { describe, expect, it } from 'vitest';
import type { Gpu } from '../../../src/api/gpu-schemas.js';
import { mergeInventory } from '../../../src/gpu/merge.js';
import { parseNvidiaSmiXml } from '../../../src/gpu/nvidia-xml.js';
import { SiControllerSchema, type SiController } from '../../../src/gpu/si-inventory.js';
import { isDisplayOnlyAdapter, vendorOf } from '../../../src/gpu/vendor.js';
import { readGpuFixture } from '../../helpers/fake-tools/index.js';

const si = (c: Partial<SiController>): SiController =>
  SiControllerSchema.parse({ vendor: '', model: '', ...c });
const laptopNvidia: Gpu[] = parseNvidiaSmiXml(
  readGpuFixture('nvidia-smi-q-x/gtx1050-laptop-hp-driver-515.65.01.xml'),
).gpus;

const intel = si({
  vendor: 'Intel Corporation',
  model: 'UHD Graphics 630',
  vram: 128,
  vramDynamic: true,
  busAddress: '00:02.0',
});
const nvidiaFromSi = si({
  vendor: 'NVIDIA Corporation',
  model: 'GP107M [GeForce GTX 1050 Mobile]',
  vram: 4096,
  busAddress: '01:00.0',
});
const aspeed = si({ vendor: 'ASPEED Technology, Inc.', model: 'ASPEED Graphics Family', vram: 16 });

describe('mergeInventory', () => {
  it('lets nvidia-smi replace what systeminformation said about NVIDIA, keeps the Intel iGPU', () => {
    const { gpus } = mergeInventory([intel, nvidiaFromSi], { nvidia: laptopNvidia, amd: null });
    expect(gpus.map((g) => [g.vendor, g.model, g.isIntegrated])).toEqual([
      ['nvidia', 'NVIDIA GeForce GTX 1050', false],
      ['intel', 'UHD Graphics 630', true],
    ]);
  });

  it("keeps systeminformation's NVIDIA entry when nvidia-smi did not answer", () => {
    const { gpus } = mergeInventory([nvidiaFromSi], { nvidia: null, amd: null });
    expect(gpus[0]).toMatchObject({
      vendor: 'nvidia',
      model: 'GP107M [GeForce GTX 1050 Mobile]',
      vramMiB: 4096,
      busId: '01:00.0',
    });
  });

  it('leaves BMC and virtual display chips out, naming them', () => {
    const merged = mergeInventory([aspeed, si({ vendor: 'VMware', model: 'SVGA II Adapter' })], {
      nvidia: [],
      amd: null,
    });
    expect(merged.gpus).toEqual([]);
    expect(merged.ignoredDisplayAdapters).toEqual(['ASPEED Graphics Family', 'SVGA II Adapter']);
  });

  it('numbers each vendor from zero and orders NVIDIA, AMD, Intel, Apple, other', () => {
    const { gpus } = mergeInventory(
      [
        si({ vendor: 'Apple', model: 'Apple M2' }),
        intel,
        si({ vendor: 'Intel Corporation', model: 'Arc A770', vram: 16384 }),
      ],
      { nvidia: null, amd: null },
    );
    expect(gpus.map((g) => [g.vendor, g.index, g.isIntegrated])).toEqual([
      ['intel', 0, true],
      ['intel', 1, false],
      ['apple', 0, true],
    ]);
  });
});

describe('vendor helpers', () => {
  it.each([
    ['NVIDIA Corporation', undefined, 'nvidia'],
    ['Advanced Micro Devices, Inc. [AMD/ATI]', undefined, 'amd'],
    ['', '0x8086', 'intel'],
    ['Apple', undefined, 'apple'],
    ['Moore Threads', undefined, 'other'],
  ] as const)('%s / %s is %s', (vendor, id, expected) => {
    expect(vendorOf(vendor, id)).toBe(expected);
  });

  it('knows the ASPEED BMC by its PCI vendor id', () => {
    expect(isDisplayOnlyAdapter(si({ vendor: 'unknown', vendorId: '1a03' }))).toBe(true);
    expect(isDisplayOnlyAdapter(nvidiaFromSi)).toBe(false);
  });
});
