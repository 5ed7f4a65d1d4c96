import type { Transport } from '../../src/api/client';
import { createIpcTransport, type IpcBridge } from '../../src/api/transport-ipc';
import { createWebSocketTransport } from '../../src/api/transport-ws';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    lumbung?: IpcBridge;
  }
}

export interface ChosenTransport {
  transport: Transport;
  /** 'ipc' never disconnects; 'ws' reports its connection through `onConnectionChange`. */
  kind: 'ipc' | 'ws';
}

/**
 * Electron gives the page a bridge; a browser talks to the headless server over a
 * WebSocket on the same host, authenticated by the session cookie the login link set.
 */
export function chooseTransport(onConnectionChange: (up: boolean) => void): ChosenTransport {
  if (window.lumbung) {
    return { transport: createIpcTransport(window.lumbung), kind: 'ipc' };
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWebSocketTransport(
    () => new WebSocket(`${scheme}://${location.host}/api/ws`),
    { onConnectionChange },
  );
  return { transport, kind: 'ws' };
}
