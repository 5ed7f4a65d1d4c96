import WebSocket from 'ws';
import { createClient, type ApiClient } from '../api/client.js';
import { createWebSocketTransport, type SocketLike } from '../api/transport-ws.js';
import { SESSION_COOKIE } from './request-guard.js';

/** A Node-side API client for a running `lumbung serve` (used by `lumbung status`). */
export function connectToServer(port: number, token: string): { client: ApiClient; close(): void } {
  const origin = `http://127.0.0.1:${port}`;
  const transport = createWebSocketTransport(
    () =>
      new WebSocket(`ws://127.0.0.1:${port}/api/ws`, {
        headers: { Cookie: `${SESSION_COOKIE}=${token}`, Origin: origin },
      }) as unknown as SocketLike,
  );
  return { client: createClient(transport), close: () => transport.close() };
}
