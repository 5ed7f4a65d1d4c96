import type { Transport } from './client.js';
import { later } from './timers.js';
import { ServerFrameSchema } from './ws-frames.js';

/** The minimal WebSocket surface we need; the browser's WebSocket and `ws` both fit. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', cb: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', cb: () => void): void;
}

const OPEN = 1;

/**
 * A transport over one WebSocket that reconnects with backoff; calls made while
 * disconnected wait for the next connection instead of failing at once.
 */
export function createWebSocketTransport(
  connect: () => SocketLike,
  options: { maxBackoffMs?: number; onConnectionChange?: (up: boolean) => void } = {},
): Transport & { close(): void } {
  let socket: SocketLike | null = null;
  let nextId = 1;
  let closed = false;
  let attempt = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; frame: string }>();
  const listeners = new Set<(event: string, payload: unknown) => void>();

  const open = () => {
    if (closed) return;
    const s = connect();
    socket = s;
    s.addEventListener('open', () => {
      attempt = 0;
      options.onConnectionChange?.(true);
      for (const p of pending.values()) s.send(p.frame);
    });
    s.addEventListener('message', (ev) => {
      if (typeof ev.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(ev.data);
      } catch {
        return;
      }
      const frame = ServerFrameSchema.safeParse(json);
      if (!frame.success) return;
      if ('id' in frame.data) {
        const p = pending.get(frame.data.id);
        if (p) {
          pending.delete(frame.data.id);
          p.resolve(frame.data.reply);
        }
      } else {
        for (const l of listeners) l(frame.data.event, frame.data.payload);
      }
    });
    s.addEventListener('close', () => {
      options.onConnectionChange?.(false);
      if (closed) return;
      const delay = Math.min(options.maxBackoffMs ?? 5000, 200 * 2 ** attempt);
      attempt += 1;
      later(open, delay * (0.5 + Math.random() / 2));
    });
  };
  open();

  return {
    invoke(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input });
      return new Promise((resolve) => {
        pending.set(id, { resolve, frame });
        if (socket?.readyState === OPEN) socket.send(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
