import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './server-token.js';

export const SESSION_COOKIE = 'lumbung_session';

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

/**
 * DNS-rebinding defence: a page on evil.example that resolves to 127.0.0.1 still
 * sends its own Host and Origin, so both must name this server exactly.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set([bindHost, '127.0.0.1', 'localhost', '[::1]']);
  if (bindHost.includes(':') && !bindHost.startsWith('[')) names.add(`[${bindHost}]`);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export type GuardVerdict = 'ok' | 'badHost' | 'badOrigin' | 'noSession';

export function checkRequest(
  req: IncomingMessage,
  hosts: Set<string>,
  token: string,
  options: { needSession: boolean },
): GuardVerdict {
  const host = req.headers.host;
  if (!host || !hosts.has(host.toLowerCase())) return 'badHost';
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' ? url.host : null;
    } catch {
      originHost = null;
    }
    if (originHost === null || !hosts.has(originHost.toLowerCase())) return 'badOrigin';
  }
  if (options.needSession && !tokensMatch(token, presentedToken(req))) {
    return 'noSession';
  }
  return 'ok';
}

/** Scripts send `Authorization: Bearer <token>`; the browser page carries the cookie. */
export function presentedToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return parseCookies(req.headers.cookie).get(SESSION_COOKIE);
}
