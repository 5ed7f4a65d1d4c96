import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../api/dispatch.js';
import { RequestFrameSchema } from '../api/ws-frames.js';
import type { LumbungNode } from '../node/lumbung-node.js';
import { allowedHosts, checkRequest, SESSION_COOKIE, type GuardVerdict } from './request-guard.js';
import { tokensMatch } from './server-token.js';
import { readStatic, resolveStatic } from './static-files.js';

export interface ServerOptions {
  node: LumbungNode;
  token: string;
  rendererDir: string;
  host?: string;
  port?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  loginUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOGIN_NEEDED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Lumbung</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Open Lumbung from its link</h1>
<p>For your safety this page only opens through the link Lumbung printed when it started
(it looks like <code>http://127.0.0.1:…/?token=…</code>). Run <code>lumbung serve</code> and open that link.</p>
<p lang="id">Demi keamanan, halaman ini hanya terbuka lewat tautan yang dicetak Lumbung saat mulai
(bentuknya <code>http://127.0.0.1:…/?token=…</code>). Jalankan <code>lumbung serve</code> lalu buka tautan itu.</p>
</body></html>`;

function refuse(res: ServerResponse, verdict: Exclude<GuardVerdict, 'ok'>): void {
  const status = verdict === 'noSession' ? 401 : 403;
  const body =
    verdict === 'noSession'
      ? LOGIN_NEEDED_PAGE
      : 'Forbidden: this server only answers its own pages.\n';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type':
      verdict === 'noSession' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  });
  res.end(body);
}

/**
 * The headless shell: serves the same renderer as Electron and the same API over a
 * WebSocket. Loopback only unless told otherwise; every request needs the session
 * cookie that the per-install login link sets.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const { node, token } = options;
  let hosts = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const given = url.searchParams.get('token');
    if (given !== null) {
      const verdict = checkRequest(req, hosts, token, { needSession: false });
      if (verdict !== 'ok') return refuse(res, verdict);
      if (!tokensMatch(token, given)) return refuse(res, 'noSession');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      res.end();
      return;
    }
    const verdict = checkRequest(req, hosts, token, { needSession: true });
    if (verdict !== 'ok') return refuse(res, verdict);
    if (url.pathname === '/api/status') {
      const reply = await dispatch(node.api, 'status.get', undefined);
      res.writeHead(reply.ok ? 200 : 500, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json',
      });
      res.end(JSON.stringify(reply.ok ? reply.value : reply.error));
      return;
    }
    const found =
      (await resolveStatic(options.rendererDir, url.pathname)) ??
      (url.pathname.includes('.') ? null : await resolveStatic(options.rendererDir, '/index.html'));
    if (!found) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    const body = await readStatic(found.file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.type });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const sockets = new Set<WebSocket>();
  const unsubscribe = node.onEvent((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(frame);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const verdict = checkRequest(req, hosts, token, { needSession: true });
    if (url.pathname !== '/api/ws' || verdict !== 'ok') {
      const status =
        url.pathname !== '/api/ws'
          ? '404 Not Found'
          : verdict === 'noSession'
            ? '401 Unauthorized'
            : '403 Forbidden';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let json: unknown;
        try {
          json = JSON.parse(data.toString());
        } catch {
          return;
        }
        const frame = RequestFrameSchema.safeParse(json);
        if (!frame.success) return;
        void dispatch(node.api, frame.data.method, frame.data.input, (method, error) =>
          options.log?.(
            `api ${method} failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ).then((reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.data.id, reply }));
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;

  return {
    url,
    loginUrl: `${url}?token=${token}`,
    port,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
