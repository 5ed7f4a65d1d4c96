import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A JSON-RPC proxy in front of anvil that "loses the network" right after it forwarded
 * the first `eth_sendRawTransaction`: anvil receives (and mines) the transaction, but the
 * caller never hears back, and every later request is cut too.
 */
export interface CuttingProxy {
  url: string;
  /** True once the raw transaction went through and the line was cut. */
  cut(): boolean;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const upstream = new URL(target);
  let isCut = false;
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (isCut) {
        req.socket.destroy();
        return;
      }
      const body = Buffer.concat(chunks);
      const sending = body.toString('utf8').includes('eth_sendRawTransaction');
      const out = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: upstream.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (up) => {
          const answer: Buffer[] = [];
          up.on('data', (c: Buffer) => answer.push(c));
          up.on('end', () => {
            if (sending) {
              // Delivered to the chain; the answer is lost with the connection.
              isCut = true;
              req.socket.destroy();
              return;
            }
            res.writeHead(up.statusCode ?? 200, { 'content-type': 'application/json' });
            res.end(Buffer.concat(answer));
          });
        },
      );
      out.on('error', () => req.socket.destroy());
      out.end(body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    cut: () => isCut,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
