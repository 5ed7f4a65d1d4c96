import { createClient, type ApiClient } from '../../src/api/client';
import { createIpcTransport, type IpcBridge } from '../../src/api/transport-ipc';
import { createWebSocketTransport } from '../../src/api/transport-ws';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    lumbung?: IpcBridge;
  }
}

export interface Connection {
  client: ApiClient;
  /** 'ipc' is always up; 'ws' reports drops and returns. */
  kind: 'ipc' | 'ws';
  isUp(): boolean;
  onChange(listener: (up: boolean) => void): () => void;
}

/**
 * Electron gives the page a bridge; a browser talks to the headless server over a
 * WebSocket on the same host, authenticated by the session cookie the login link set.
 * Made once per page, outside React, so re-renders never open a second socket.
 */
export function connect(): Connection {
  const listeners = new Set<(up: boolean) => void>();
  if (window.lumbung) {
    return {
      client: createClient(createIpcTransport(window.lumbung)),
      kind: 'ipc',
      isUp: () => true,
      onChange: () => () => undefined,
    };
  }
  let up = false;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWebSocketTransport(
    () => new WebSocket(`${scheme}://${location.host}/api/ws`),
    {
      onConnectionChange: (next) => {
        up = next;
        for (const listener of listeners) listener(next);
      },
    },
  );
  return {
    client: createClient(transport),
    kind: 'ws',
    isUp: () => up,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
