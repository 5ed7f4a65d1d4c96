import { msg, type Message } from '../api/message.js';

/** Technical detail, trimmed: useful to a helper reading over the owner's shoulder, never the main words. */
const detail = (text: string): string => (text.split('\n')[0] ?? '').trim().slice(0, 200);

function errorText(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const json = 'json' in err ? err.json : undefined;
    if (
      typeof json === 'object' &&
      json !== null &&
      'message' in json &&
      typeof json.message === 'string'
    )
      return json.message;
    if ('message' in err && typeof err.message === 'string') return err.message;
  }
  return String(err);
}

/** Turns the engine's refusal to create or start a job's container into plain words. */
export function explainEngineError(err: unknown): Message {
  const text = errorText(err);
  if (/could not select device driver|unknown or invalid runtime name: nvidia/i.test(text))
    return msg('sandbox:run.gpuDriverMissing');
  if (/unresolvable CDI devices|no NVIDIA GPU device|unknown device/i.test(text))
    return msg('sandbox:run.gpuDeviceMissing');
  if (/nvidia-container-cli|nvidia-container-runtime|nvidia-ctk|NVML/i.test(text))
    return msg('sandbox:run.gpuToolkitFailed', { detail: detail(text) });
  if (/no such image|not found/i.test(text))
    return msg('sandbox:run.imageUnavailable', { image: detail(text) });
  return msg('sandbox:run.engineRefused', { detail: detail(text) });
}
