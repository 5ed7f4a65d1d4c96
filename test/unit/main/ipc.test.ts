import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiImplementation, EventName } from '../../../src/api/contract.js';
import { EnvelopeSchema } from '../../../src/api/envelope.js';
import { appPaths } from '../../../main/app-paths.js';
import { bridgeIpc, EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeEvent } from '../../../main/ipc.js';
import { isRendererPage } from '../../../main/renderer-url.js';
import { FakeIpcMain, FakeWebContents, frame } from './fake-electron.js';

const paths = appPaths('/opt/lumbung/dist/main', 'linux');
const OUR_PAGE = pathToFileURL(paths.rendererIndex).href;

/** A core whose API records every call that reaches it. */
function fakeNode() {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const record =
    (method: string, answer: unknown) =>
    async (input: unknown): Promise<never> => {
      calls.push({ method, input });
      return answer as never;
    };
  const api = {
    'app.info': record('app.info', { name: 'Lumbung' }),
    'notices.dismiss': record('notices.dismiss', { ok: true }),
  } as unknown as ApiImplementation;
  return {
    calls,
    node: {
      api,
      onEvent(listener: (event: EventName, payload: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit: (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload)),
    listenerCount: () => listeners.size,
  };
}

let ipcMain: FakeIpcMain;
let contents: FakeWebContents;
let core: ReturnType<typeof fakeNode>;
let window: FakeWebContents | null;
let dispose: () => void;

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  contents = new FakeWebContents(7);
  window = contents;
  core = fakeNode();
  dispose = bridgeIpc({
    ipcMain,
    node: core.node,
    windowContents: () => window,
    isRendererPage: (url) => isRendererPage(url, paths.rendererIndex),
  });
});

const fromOurPage: InvokeEvent = { sender: { id: 7 }, senderFrame: frame(`${OUR_PAGE}#/wallet`) };
const call = (event: InvokeEvent, ...args: unknown[]) =>
  ipcMain.invoke(INVOKE_CHANNEL, event, ...args).then((raw) => EnvelopeSchema.parse(raw));

describe('bridgeIpc: who may call', () => {
  it('serves our window’s main frame on our renderer page', async () => {
    expect(await call(fromOurPage, 'notices.dismiss', { id: 'n1' })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(core.calls).toEqual([{ method: 'notices.dismiss', input: { id: 'n1' } }]);
  });

  it.each([
    ['another web contents', { sender: { id: 8 }, senderFrame: frame(OUR_PAGE) }],
    [
      'an iframe inside our page',
      { sender: { id: 7 }, senderFrame: frame(OUR_PAGE, frame(OUR_PAGE)) },
    ],
    ['a remote page', { sender: { id: 7 }, senderFrame: frame('https://evil.example/index.html') }],
    ['another local file', { sender: { id: 7 }, senderFrame: frame('file:///tmp/index.html') }],
    ['a frame that is gone', { sender: { id: 7 }, senderFrame: null }],
  ] satisfies [string, InvokeEvent][])('refuses %s before anything runs', async (_name, event) => {
    const answer = await call(event, 'notices.dismiss', { id: 'n1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(core.calls).toEqual([]);
  });

  it('refuses when the frame throws on access (destroyed) or the window is gone', async () => {
    const destroyed = {
      sender: { id: 7 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await call(destroyed, 'app.info')).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    contents.destroyed = true;
    expect(await call(fromOurPage, 'app.info')).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    window = null;
    expect(await call(fromOurPage, 'app.info')).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    expect(core.calls).toEqual([]);
  });
});

describe('bridgeIpc: what may be asked', () => {
  it('answers bad payloads with a badInput error that never reaches the node', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((v) => {
          const o = v as { id?: unknown } | null;
          return !(
            typeof o === 'object' &&
            o !== null &&
            typeof o.id === 'string' &&
            Object.keys(o).length === 1
          );
        }),
        async (input) => {
          const answer = await call(fromOurPage, 'notices.dismiss', input);
          expect(answer).toMatchObject({ ok: false, error: { code: 'badInput' } });
        },
      ),
    );
    expect(core.calls).toEqual([]);
  });

  it('answers unknown, non-string and oversized method names without running anything', async () => {
    expect(await call(fromOurPage, 'wallet.exportKey', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unknownMethod' },
    });
    expect(await call(fromOurPage, 'constructor', undefined)).toMatchObject({ ok: false });
    expect(await call(fromOurPage, { toString: () => 'app.info' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'badInput' },
    });
    expect(await call(fromOurPage, 'a'.repeat(10_000), undefined)).toMatchObject({
      ok: false,
      error: { code: 'badInput' },
    });
    expect(core.calls).toEqual([]);
  });
});

describe('bridgeIpc: events', () => {
  it('forwards the core’s events to our window only, on the event channel', () => {
    core.emit('status', { state: 'off' });
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'status', { state: 'off' }]]);
  });

  it('drops events while there is no live window', () => {
    window = null;
    core.emit('status', { state: 'off' });
    window = contents;
    contents.destroyed = true;
    core.emit('status', { state: 'off' });
    expect(contents.sent).toEqual([]);
  });

  it('undoes itself: handler removed and event subscription ended', async () => {
    dispose();
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(core.listenerCount()).toBe(0);
  });
});
