import type { Transport } from './client.js';

/** What the Electron preload exposes on `window.lumbung`: allow-listed, nothing else. */
export interface IpcBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export function createIpcTransport(bridge: IpcBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.on(listener),
  };
}
