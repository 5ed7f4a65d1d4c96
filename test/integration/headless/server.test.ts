import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/headless/server.js';
import { startNode } from '../../../src/node/index.js';
import type { LumbungNode } from '../../../src/node/lumbung-node.js';

let server: RunningServer;
let node: LumbungNode;
const token = 'a'.repeat(64);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers: { Host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => ({ Cookie: `lumbung_session=${token}` });

function openSocket(
  headers: Record<string, string>,
): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, { headers });
    ws.once('open', () => resolve({ ws, status: null }));
    ws.once('unexpected-response', (_req, res) =>
      resolve({ ws: null, status: res.statusCode ?? 0 }),
    );
    ws.once('error', () => resolve({ ws: null, status: -1 }));
  });
}

function call(ws: WebSocket, id: number, method: string, input?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { id?: number; reply?: unknown };
      if (frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.reply);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
}

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-server-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lumbung</title>');
  await writeFile(join(dataDir, 'secret.txt'), 'outside the renderer');
  node = await startNode({
    dataDir,
    shell: 'headless',
    gpu: {
      systeminformation: false,
      tools: { nvidiaSmi: '/nonexistent/nvidia-smi', rocmSmi: '/nonexistent/rocm-smi' },
    },
  });
  server = await startServer({ node, token, rendererDir });
});

afterAll(async () => {
  await server?.close();
  await node?.stop();
});

describe('headless server', () => {
  it('listens on loopback and prints a login link with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.loginUrl).toBe(`${server.url}?token=${token}`);
  });

  it('answers 401 without the session cookie, and sets it from the login link', async () => {
    const anonymous = await get('/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('lumbung serve');
    const wrong = await get(`/?token=${'b'.repeat(64)}`);
    expect(wrong.status).toBe(401);
    const login = await get(`/?token=${token}`);
    expect(login.status).toBe(303);
    expect(String(login.headers['set-cookie'])).toMatch(
      /lumbung_session=a{64}; HttpOnly; SameSite=Strict/,
    );
    const page = await get('/', cookie());
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Lumbung</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a foreign Host or Origin (DNS rebinding)', async () => {
    expect((await get('/', { ...cookie(), Host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { ...cookie(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${token}`, { Host: 'evil.example' })).status).toBe(403);
    expect(
      (await get('/', { ...cookie(), Origin: `http://127.0.0.1:${server.port}` })).status,
    ).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
    ]) {
      const res = await get(path, cookie());
      expect(res.body, path).not.toContain('outside the renderer');
    }
  });

  it('serves GET /api/status to scripts with the bearer token, and 401 without it', async () => {
    const anonymous = await get('/api/status');
    expect(anonymous.status).toBe(401);
    const wrong = await get('/api/status', { Authorization: `Bearer ${'c'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    const res = await get('/api/status', { Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const status = JSON.parse(res.body) as { state: string; headline: { key: string } };
    expect(status.state).toBe('off');
    expect(status.headline.key).toBe('common:status.off');
    expect(
      (await get('/api/status', { Authorization: `Bearer ${token}`, Host: 'evil.example' })).status,
    ).toBe(403);
  });

  it('refuses methods other than GET/HEAD', async () => {
    expect((await get('/', cookie(), 'POST')).status).toBe(405);
  });

  it('refuses WebSocket upgrades without the cookie or from a foreign origin', async () => {
    expect((await openSocket({})).status).toBe(401);
    expect((await openSocket({ ...cookie(), Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers API calls over the WebSocket and survives garbage frames', async () => {
    const { ws } = await openSocket(cookie());
    expect(ws).not.toBeNull();
    ws!.send('not json');
    ws!.send(JSON.stringify({ id: 'x', method: 42 }));
    ws!.send(Buffer.from([1, 2, 3]));
    const reply = (await call(ws!, 1, 'status.get')) as { ok: boolean; value: { state: string } };
    expect(reply.ok).toBe(true);
    expect(reply.value.state).toBe('off');
    const bad = (await call(ws!, 2, 'sharing.set', { on: 'maybe' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'badInput' } });
    const unknown = (await call(ws!, 3, 'wallet.exportKey')) as {
      ok: boolean;
      error: { code: string };
    };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    ws!.close();
  });
});
