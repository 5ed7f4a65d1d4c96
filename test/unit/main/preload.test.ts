import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import ts from 'typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/api/contract.js';
import type { IpcBridge } from '../../../src/api/transport-ipc.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/ipc.js';
import { FakeEmitter } from './fake-electron.js';

const SOURCE = new URL('../../../main/preload.cts', import.meta.url);

/** The sandboxed preload's world: `require` knows only 'electron', as in Electron. */
function loadPreload() {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const invoked: unknown[][] = [];
  const ipcRenderer = Object.assign(new FakeEmitter(), {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: 'from main' };
    },
  });
  const exposed = new Map<string, unknown>();
  const electron = {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`module not found: ${name}`);
    return electron;
  };
  const module = { exports: {} as Record<string, unknown> };
  const run = new Script(
    `(function (require, module, exports) {${outputText}\n})`,
  ).runInThisContext() as (
    r: typeof sandboxRequire,
    m: typeof module,
    e: typeof module.exports,
  ) => void;
  run(sandboxRequire, module, module.exports);
  return { exposed, invoked, ipcRenderer, required, exports: module.exports };
}

let preload: ReturnType<typeof loadPreload>;
let bridge: IpcBridge;
beforeEach(() => {
  preload = loadPreload();
  bridge = preload.exposed.get('lumbung') as IpcBridge;
});

describe('preload', () => {
  it('requires nothing but electron (all a sandboxed preload may load)', () => {
    expect(preload.required).toEqual(['electron']);
  });

  it('keeps its allow-list equal to the contract’s METHOD_NAMES', () => {
    // If this fails, a method was added to src/api/contract.ts: copy it into
    // ALLOWED_METHODS in main/preload.cts.
    const allowList = preload.exports.ALLOWED_METHODS as string[];
    expect([...allowList].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('exposes exactly invoke and on under window.lumbung, never ipcRenderer', () => {
    expect([...preload.exposed.keys()]).toEqual(['lumbung']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(preload.ipcRenderer);
    }
  });

  it('sends allow-listed methods on the one invoke channel', async () => {
    for (const method of METHOD_NAMES) {
      expect(await bridge.invoke(method, { x: 1 })).toEqual({ ok: true, value: 'from main' });
    }
    expect(preload.invoked).toEqual(METHOD_NAMES.map((m) => [INVOKE_CHANNEL, m, { x: 1 }]));
  });

  it('answers anything else itself with the unknownMethod envelope, sending nothing', async () => {
    for (const method of [
      'wallet.exportKey',
      '__proto__',
      'constructor',
      '',
      42,
      null,
      { method: 'app.info' },
    ]) {
      expect(await bridge.invoke(method as string, undefined)).toMatchObject({
        ok: false,
        error: { code: 'unknownMethod', message: { key: 'common:error.unknownMethod' } },
      });
    }
    expect(preload.invoked).toEqual([]);
  });

  it('passes events on without the IPC event object, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.on((event, payload) => seen.push([event, payload]));
    const ipcEvent = { sender: preload.ipcRenderer };
    preload.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'status', { state: 'off' });
    preload.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 42, 'not an event name');
    expect(seen).toEqual([['status', { state: 'off' }]]);
    off();
    expect(preload.ipcRenderer.count(EVENT_CHANNEL)).toBe(0);
    preload.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'status', {});
    expect(seen).toHaveLength(1);
  });

  it('rejects a listener that is not a function', () => {
    expect(() => bridge.on('alert(1)' as never)).toThrow(TypeError);
    expect(preload.ipcRenderer.count(EVENT_CHANNEL)).toBe(0);
  });
});
