import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { Gpu, GpuProcess, GpuVendor } from '../api/gpu-schemas.js';
import { processTypeOf } from './process-type.js';
import { integerOrNull, numberOrNull, textOrNull } from './values.js';

/** Any element we read as text; odd shapes (attributes, nesting) count as unknown. */
const Text = z.union([z.string(), z.number()]).transform(String).optional().catch(undefined);

const Section = <T extends z.ZodRawShape>(shape: T) => z.object(shape).optional().catch(undefined);

const PowerReadings = Section({
  power_draw: Text,
  average_power_draw: Text,
  instant_power_draw: Text,
  power_limit: Text,
  current_power_limit: Text,
  enforced_power_limit: Text,
  default_power_limit: Text,
  min_power_limit: Text,
  max_power_limit: Text,
});

const Memory = Section({ total: Text, used: Text });

const ProcessInfo = z
  .object({ pid: Text, type: Text, process_name: Text, used_memory: Text })
  .optional()
  .catch(undefined);

const XmlGpu = z.object({
  '@_id': Text,
  product_name: Text,
  uuid: Text,
  fb_memory_usage: Memory,
  memory_usage: Memory,
  pci: Section({ pci_bus_id: Text }),
  fan_speed: Text,
  utilization: Section({ gpu_util: Text }),
  temperature: Section({ gpu_temp: Text }),
  power_readings: PowerReadings,
  gpu_power_readings: PowerReadings,
  mig_mode: Section({ current_mig: Text }),
  mig_devices: Section({ mig_device: z.array(z.unknown()) }),
  processes: Section({ process_info: z.array(ProcessInfo) }),
  driver_model: Section({ current_dm: Text }),
});
type XmlGpu = z.infer<typeof XmlGpu>;

const XmlLog = z.object({
  driver_version: Text,
  cuda_version: Text,
  attached_gpus: Text,
  gpu: z.array(XmlGpu).optional(),
});

export interface NvidiaSmiXml {
  /** `nvidia-smi`, or `ixsmi` for Iluvatar's clone that mimics its XML. */
  tool: 'nvidia-smi' | 'ixsmi';
  driverVersion: string | null;
  cudaVersion: string | null;
  /** What the header claims; under MIG it can differ from `gpus.length`. */
  attachedGpus: number | null;
  gpus: Gpu[];
  /** Windows driver model per GPU, aligned with `gpus` (WDDM, TCC; null on Linux). */
  driverModels: (string | null)[];
}

const ROOTS = { nvidia_smi_log: 'nvidia-smi', ixsmi_log: 'ixsmi' } as const;
type RootName = keyof typeof ROOTS;

/** Cuts the XML document out of text that may carry shell prompts around it. */
function extractXml(text: string): { root: RootName; xml: string } | null {
  for (const root of Object.keys(ROOTS) as RootName[]) {
    const open = text.search(new RegExp(`<${root}[\\s>]`));
    const close = text.lastIndexOf(`</${root}>`);
    if (open === -1 || close === -1) continue;
    return { root, xml: text.slice(open, close + root.length + 3) };
  }
  return null;
}

export function looksLikeNvidiaSmiXml(text: string): boolean {
  return extractXml(text) !== null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'gpu' || name === 'process_info' || name === 'mig_device',
});

function processesOf(gpu: XmlGpu): GpuProcess[] {
  const result: GpuProcess[] = [];
  for (const info of gpu.processes?.process_info ?? []) {
    const pid = integerOrNull(info?.pid);
    if (info === undefined || pid === null) continue;
    result.push({
      pid,
      name: textOrNull(info.process_name) ?? '',
      usedMiB: numberOrNull(info.used_memory),
      type: processTypeOf(info.type),
    });
  }
  return result;
}

function gpuOf(
  gpu: XmlGpu,
  index: number,
  vendor: GpuVendor,
  driver: string | null,
  cuda: string | null,
): Gpu {
  const power = gpu.gpu_power_readings ?? gpu.power_readings;
  const memory = gpu.fb_memory_usage ?? gpu.memory_usage;
  return {
    index,
    uuid: textOrNull(gpu.uuid),
    vendor,
    model: textOrNull(gpu.product_name) ?? 'GPU',
    vramMiB: numberOrNull(memory?.total),
    vramUsedMiB: numberOrNull(memory?.used),
    driverVersion: driver,
    cudaVersion: cuda,
    computeCapability: null,
    power: {
      // Drivers from 530 on split the reading into average and instant draw.
      drawW:
        numberOrNull(power?.power_draw) ??
        numberOrNull(power?.instant_power_draw) ??
        numberOrNull(power?.average_power_draw),
      limitW:
        numberOrNull(power?.current_power_limit) ??
        numberOrNull(power?.power_limit) ??
        numberOrNull(power?.enforced_power_limit),
      defaultLimitW: numberOrNull(power?.default_power_limit),
      minLimitW: numberOrNull(power?.min_power_limit),
      maxLimitW: numberOrNull(power?.max_power_limit),
    },
    temperatureC: numberOrNull(gpu.temperature?.gpu_temp),
    utilizationPct: numberOrNull(gpu.utilization?.gpu_util),
    fanPct: numberOrNull(gpu.fan_speed),
    mig: {
      enabled: textOrNull(gpu.mig_mode?.current_mig)?.toLowerCase() === 'enabled',
      instances: gpu.mig_devices?.mig_device.length ?? 0,
    },
    processes: processesOf(gpu),
    busId: textOrNull(gpu.pci?.pci_bus_id) ?? textOrNull(gpu['@_id']),
    isIntegrated: false,
  };
}

/** Parses `nvidia-smi -q -x` (schemas v10 to v13) and ixsmi's look-alike. */
export function parseNvidiaSmiXml(text: string): NvidiaSmiXml {
  const found = extractXml(text);
  if (found === null) throw new Error('not nvidia-smi -q -x output: no <nvidia_smi_log> element');
  const document: unknown = parser.parse(found.xml);
  const rootValue = z.record(z.string(), z.unknown()).parse(document)[found.root];
  // `<nvidia_smi_log/>` with nothing inside parses as an empty string.
  const log = XmlLog.parse(typeof rootValue === 'object' && rootValue !== null ? rootValue : {});
  const tool = ROOTS[found.root];
  const vendor: GpuVendor = tool === 'nvidia-smi' ? 'nvidia' : 'other';
  const driverVersion = textOrNull(log.driver_version);
  const cudaVersion = textOrNull(log.cuda_version);
  const gpus = log.gpu ?? [];
  return {
    tool,
    driverVersion,
    cudaVersion,
    attachedGpus: integerOrNull(log.attached_gpus),
    gpus: gpus.map((gpu, i) => gpuOf(gpu, i, vendor, driverVersion, cudaVersion)),
    driverModels: gpus.map((gpu) => textOrNull(gpu.driver_model?.current_dm)),
  };
}
