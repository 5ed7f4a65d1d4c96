import { msg, type Message } from '../../api/message.js';

export type FetchJsonResult =
  { ok: true; body: unknown } | { ok: false; problem: Message; status?: number };

const MAX_BODY_BYTES = 1_000_000;

/** GET a JSON document with a hard timeout; every failure becomes a reason, never a throw. */
export async function fetchJson(
  url: string,
  opts: { timeoutMs: number; headers?: Record<string, string> },
): Promise<FetchJsonResult> {
  const host = safeHost(url);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...opts.headers },
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    return { ok: false, problem: fetchProblem(error, host, opts.timeoutMs) };
  }
  try {
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return {
        ok: false,
        status: response.status,
        problem: msg('energy:problem.unauthorized', { host }),
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        status: response.status,
        problem: msg('energy:problem.httpStatus', { host, status: response.status }),
      };
    }
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_BODY_BYTES)
      return { ok: false, problem: msg('energy:problem.tooLarge', { host }) };
    const text = new TextDecoder().decode(bytes);
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, problem: msg('energy:problem.notJson', { host }) };
    }
  } catch (error) {
    return { ok: false, problem: fetchProblem(error, host, opts.timeoutMs) };
  }
}

function fetchProblem(error: unknown, host: string, timeoutMs: number): Message {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return msg('energy:problem.timeout', { host, seconds: Math.round(timeoutMs / 1000) });
  }
  return msg('energy:problem.unreachable', { host });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
