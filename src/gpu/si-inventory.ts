import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { msg, type Message } from '../api/message.js';

/** The part of systeminformation's graphics controller record that Lumbung reads. */
export const SiControllerSchema = z.object({
  vendor: z.string().catch(''),
  vendorId: z.string().optional().catch(undefined),
  model: z.string().catch(''),
  name: z.string().optional().catch(undefined),
  bus: z.string().optional().catch(undefined),
  busAddress: z.string().optional().catch(undefined),
  pciBus: z.string().optional().catch(undefined),
  vram: z.number().nullable().optional().catch(null),
  vramDynamic: z.boolean().optional().catch(undefined),
  driverVersion: z.string().optional().catch(undefined),
  memoryUsed: z.number().optional().catch(undefined),
  utilizationGpu: z.number().optional().catch(undefined),
  temperatureGpu: z.number().optional().catch(undefined),
  powerDraw: z.number().optional().catch(undefined),
  powerLimit: z.number().optional().catch(undefined),
  fanSpeed: z.number().optional().catch(undefined),
});
export type SiController = z.infer<typeof SiControllerSchema>;

const WorkerReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    version: z.string().nullable(),
    controllers: z.array(z.unknown()),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type SiInventory =
  | { state: 'ok'; version: string | null; controllers: SiController[] }
  | { state: 'error' | 'timeout' | 'missing'; problem: Message };

export interface SiInventoryOptions {
  timeoutMs?: number;
  /** A CommonJS module with systeminformation's `graphics()`; tests pass a fake. */
  modulePath?: string;
}

// Runs as a CommonJS script inside the worker: `graphics()` blocks its thread with
// execSync calls (nvidia-smi, lspci, PowerShell), which must never stall the core.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
Promise.resolve()
  .then(() => {
    const si = require(workerData.modulePath);
    return Promise.resolve(si.graphics()).then((g) => ({
      version: typeof si.version === 'function' ? String(si.version()) : null,
      controllers: Array.isArray(g && g.controllers) ? g.controllers : [],
    }));
  })
  .then(
    (r) => parentPort.postMessage({ ok: true, version: r.version, controllers: JSON.parse(JSON.stringify(r.controllers)) }),
    (e) => parentPort.postMessage({ ok: false, error: String((e && e.message) || e) }),
  );
`;

function defaultModulePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('systeminformation');
  } catch {
    return null;
  }
}

export function readSiInventory(options: SiInventoryOptions = {}): Promise<SiInventory> {
  const modulePath = options.modulePath ?? defaultModulePath();
  if (modulePath === null)
    return Promise.resolve({ state: 'missing', problem: msg('gpu:problem.si.missing') });
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } });
    worker.unref();
    let settled = false;
    const finish = (result: SiInventory): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ state: 'timeout', problem: msg('gpu:problem.si.timeout') }),
      timeoutMs,
    );
    worker.once('message', (raw: unknown) => {
      const reply = WorkerReplySchema.safeParse(raw);
      if (!reply.success) return finish({ state: 'error', problem: msg('gpu:problem.si.failed') });
      if (!reply.data.ok) return finish({ state: 'error', problem: msg('gpu:problem.si.failed') });
      const controllers = reply.data.controllers.flatMap((c) => {
        const parsed = SiControllerSchema.safeParse(c);
        return parsed.success ? [parsed.data] : [];
      });
      finish({ state: 'ok', version: reply.data.version, controllers });
    });
    worker.once('error', () => finish({ state: 'error', problem: msg('gpu:problem.si.failed') }));
    worker.once('exit', () => finish({ state: 'error', problem: msg('gpu:problem.si.failed') }));
  });
}
