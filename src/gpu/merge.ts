import type { Gpu, GpuVendor } from '../api/gpu-schemas.js';
import type { SiController } from './si-inventory.js';
import { gpuFromSiController, isDisplayOnlyAdapter, vendorOf } from './vendor.js';

export interface MergedInventory {
  gpus: Gpu[];
  /** Models of display-only chips (BMC VGA, virtual adapters) left out of `gpus`. */
  ignoredDisplayAdapters: string[];
}

export interface VendorReadings {
  /** GPUs from nvidia-smi, or null when it did not answer. */
  nvidia: Gpu[] | null;
  /** GPUs from rocm-smi, or null when it did not answer. */
  amd: Gpu[] | null;
}

const VENDOR_ORDER: GpuVendor[] = ['nvidia', 'amd', 'intel', 'apple', 'other'];

/**
 * systeminformation sees every vendor but knows little; the vendor tools know their own
 * cards exactly. When a vendor tool answered, its list replaces what systeminformation
 * said about that vendor; otherwise systeminformation's view is all we have.
 */
export function mergeInventory(
  controllers: readonly SiController[],
  vendor: VendorReadings,
): MergedInventory {
  const ignoredDisplayAdapters: string[] = [];
  const ordinals = new Map<GpuVendor, number>();
  const fromSi: Gpu[] = [];
  for (const controller of controllers) {
    if (isDisplayOnlyAdapter(controller)) {
      ignoredDisplayAdapters.push(controller.model || controller.vendor);
      continue;
    }
    const kind = vendorOf(controller.vendor, controller.vendorId, controller.model);
    if ((kind === 'nvidia' && vendor.nvidia !== null) || (kind === 'amd' && vendor.amd !== null))
      continue;
    const ordinal = ordinals.get(kind) ?? 0;
    ordinals.set(kind, ordinal + 1);
    fromSi.push(gpuFromSiController(controller, ordinal));
  }
  const gpus = [...(vendor.nvidia ?? []), ...(vendor.amd ?? []), ...fromSi].sort(
    (a, b) => VENDOR_ORDER.indexOf(a.vendor) - VENDOR_ORDER.indexOf(b.vendor) || a.index - b.index,
  );
  return { gpus, ignoredDisplayAdapters };
}
