import type { z } from 'zod';
import { ApiFailure, type Envelope } from './envelope.js';
import { isMethodName, methods, type ApiImplementation } from './contract.js';
import { msg } from './message.js';

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The one entry point of every transport: checks the method exists, validates the
 * input before anything runs (bad input changes nothing), runs it, and validates
 * the output too so a bug in the core cannot leak a malformed value.
 */
export async function dispatch(
  impl: ApiImplementation,
  method: string,
  rawInput: unknown,
  onInternalError?: (method: string, error: unknown) => void,
): Promise<Envelope> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknownMethod', message: msg('common:error.unknownMethod', { method }) },
    };
  }
  const spec = methods[method];
  const input = spec.input.safeParse(rawInput);
  if (!input.success) {
    return {
      ok: false,
      error: {
        code: 'badInput',
        message: msg('common:error.badInput'),
        issues: issuesOf(input.error),
      },
    };
  }
  try {
    const handler = impl[method] as (input: unknown) => Promise<unknown>;
    const value = await handler(input.data);
    const output = spec.output.safeParse(value);
    if (!output.success) {
      onInternalError?.(method, output.error);
      return { ok: false, error: { code: 'internal', message: msg('common:error.internal') } };
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.detail,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      };
    }
    onInternalError?.(method, error);
    return { ok: false, error: { code: 'internal', message: msg('common:error.internal') } };
  }
}
