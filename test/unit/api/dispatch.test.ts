import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/api/dispatch.js';
import { ApiFailure } from '../../../src/api/envelope.js';
import { msg } from '../../../src/api/message.js';
import type { ApiImplementation } from '../../../src/api/contract.js';

function fakeImpl(overrides: Partial<ApiImplementation> = {}): ApiImplementation {
  const notCalled = () => Promise.reject(new Error('not expected'));
  return new Proxy(overrides, {
    get: (target, key: string) => (target as Record<string, unknown>)[key] ?? vi.fn(notCalled),
  }) as ApiImplementation;
}

describe('dispatch', () => {
  it('refuses an unknown method with a readable error', async () => {
    const reply = await dispatch(fakeImpl(), 'wallet.stealKeys', undefined);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'unknownMethod',
        message: msg('common:error.unknownMethod', { method: 'wallet.stealKeys' }),
      },
    });
  });

  it('rejects bad input before the implementation runs', async () => {
    const setSharing = vi.fn();
    const reply = await dispatch(fakeImpl({ 'sharing.set': setSharing }), 'sharing.set', {
      on: 'yes',
    });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('badInput');
    expect(!reply.ok && reply.error.issues?.[0]?.path).toBe('on');
    expect(setSharing).not.toHaveBeenCalled();
  });

  it('rejects extra fields (strict input)', async () => {
    const setSharing = vi.fn();
    const reply = await dispatch(fakeImpl({ 'sharing.set': setSharing }), 'sharing.set', {
      on: true,
      admin: 1,
    });
    expect(reply.ok).toBe(false);
    expect(setSharing).not.toHaveBeenCalled();
  });

  it('passes an ApiFailure through as its code and message', async () => {
    const reply = await dispatch(
      fakeImpl({
        'notices.dismiss': () =>
          Promise.reject(new ApiFailure('notAllowed', msg('common:error.unavailable'))),
      }),
      'notices.dismiss',
      { id: 'x' },
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'notAllowed', message: msg('common:error.unavailable') },
    });
  });

  it('hides internal errors and invalid outputs behind a generic message', async () => {
    const seen: string[] = [];
    const secret = 'seed phrase words';
    const thrown = await dispatch(
      fakeImpl({ 'notices.dismiss': () => Promise.reject(new Error(secret)) }),
      'notices.dismiss',
      { id: 'x' },
      (method) => seen.push(method),
    );
    expect(JSON.stringify(thrown)).not.toContain(secret);
    expect(!thrown.ok && thrown.error.code).toBe('internal');
    const malformed = await dispatch(
      fakeImpl({ 'notices.dismiss': () => Promise.resolve({ ok: 'sure' } as never) }),
      'notices.dismiss',
      { id: 'x' },
      (method) => seen.push(method),
    );
    expect(!malformed.ok && malformed.error.code).toBe('internal');
    expect(seen).toEqual(['notices.dismiss', 'notices.dismiss']);
  });
});
