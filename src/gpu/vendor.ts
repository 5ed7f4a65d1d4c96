import type { Gpu, GpuVendor } from '../api/gpu-schemas.js';
import type { SiController } from './si-inventory.js';

/** PCI vendor ids: NVIDIA, AMD/ATI, Intel, Apple. */
const VENDOR_IDS: Record<string, GpuVendor> = {
  '10de': 'nvidia',
  '1002': 'amd',
  '1022': 'amd',
  '8086': 'intel',
  '106b': 'apple',
};

export function vendorOf(vendor: string, vendorId?: string, model = ''): GpuVendor {
  const id = vendorId?.toLowerCase().replace(/^0x/, '');
  const byId = id === undefined ? undefined : VENDOR_IDS[id];
  if (byId !== undefined) return byId;
  const text = `${vendor} ${model}`;
  if (/nvidia/i.test(text)) return 'nvidia';
  if (/\bamd\b|\bati\b|advanced micro devices|radeon/i.test(text)) return 'amd';
  if (/intel/i.test(text)) return 'intel';
  if (/apple/i.test(text)) return 'apple';
  return 'other';
}

/**
 * Display chips that only drive a screen: a server BMC's VGA (ASPEED, Matrox G200) or
 * a virtual machine's adapter. They are not GPUs anyone could rent.
 */
const DISPLAY_ONLY =
  /aspeed|matrox|vmware|virtualbox|\bqxl\b|cirrus|bochs|virtio|hyper-v|microsoft basic|parallels|red hat/i;
const DISPLAY_ONLY_IDS = new Set(['1a03', '102b', '15ad', '80ee', '1234', '1af4', '1414', '1ab8']);

export function isDisplayOnlyAdapter(controller: SiController): boolean {
  const id = controller.vendorId?.toLowerCase().replace(/^0x/, '');
  if (id !== undefined && DISPLAY_ONLY_IDS.has(id)) return true;
  return DISPLAY_ONLY.test(`${controller.vendor} ${controller.model}`);
}

/** Integrated graphics share the computer's memory and are too weak to rent out. */
export function isIntegratedController(controller: SiController, vendor: GpuVendor): boolean {
  if (controller.vramDynamic === true || vendor === 'apple') return true;
  const model = controller.model;
  if (vendor === 'intel') return !/\bArc\b/i.test(model);
  if (vendor === 'amd')
    return /Radeon(\(TM\))? (Vega \d+ )?Graphics\s*$|Radeon \d{3}M\b/i.test(model);
  return false;
}

function numberOrNull(value: number | undefined | null): number | null {
  return value === undefined || value === null || !Number.isFinite(value) ? null : value;
}

function normalizeBusId(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  return raw.trim();
}

export function gpuFromSiController(controller: SiController, index: number): Gpu {
  const vendor = vendorOf(controller.vendor, controller.vendorId, controller.model);
  return {
    index,
    uuid: null,
    vendor,
    model: controller.model || controller.name || controller.vendor || 'GPU',
    vramMiB: numberOrNull(controller.vram),
    vramUsedMiB: numberOrNull(controller.memoryUsed),
    driverVersion: controller.driverVersion?.trim() || null,
    cudaVersion: null,
    computeCapability: null,
    power: {
      drawW: numberOrNull(controller.powerDraw),
      limitW: numberOrNull(controller.powerLimit),
      defaultLimitW: null,
      minLimitW: null,
      maxLimitW: null,
    },
    temperatureC: numberOrNull(controller.temperatureGpu),
    utilizationPct: numberOrNull(controller.utilizationGpu),
    fanPct: numberOrNull(controller.fanSpeed),
    mig: { enabled: false, instances: 0 },
    processes: [],
    busId: normalizeBusId(controller.pciBus ?? controller.busAddress),
    isIntegrated: isIntegratedController(controller, vendor),
  };
}
