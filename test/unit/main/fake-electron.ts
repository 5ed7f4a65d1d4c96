// A small fake of the Electron surface the shell uses: enough to drive the real shell
// code and record what it asked Electron to do.
import type { InvokeEvent, IpcMainLike, SenderFrame, WindowContents } from '../../../main/ipc.js';
import type { ResponseHeaders } from '../../../main/csp.js';
import type { GuardedContents, HardenedSession } from '../../../main/window.js';

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name and can fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends FakeEmitter implements GuardedContents, WindowContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;
  readonly sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  /** Fires a navigation-like event the way Electron does and says whether it was stopped. */
  attempt(event: string, url: string): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

type BeforeRequest = Parameters<HardenedSession['webRequest']['onBeforeRequest']>[0];
type HeadersReceived = Parameters<HardenedSession['webRequest']['onHeadersReceived']>[0];
type PermissionRequest = Parameters<HardenedSession['setPermissionRequestHandler']>[0];
type PermissionCheck = Parameters<HardenedSession['setPermissionCheckHandler']>[0];

export class FakeSession extends FakeEmitter implements HardenedSession {
  beforeRequest: BeforeRequest | null = null;
  headersReceived: HeadersReceived | null = null;
  permissionRequest: PermissionRequest | null = null;
  permissionCheck: PermissionCheck | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersReceived) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.permissionCheck = handler;
  }
  /** Asks the session whether a request for `url` may go ahead. */
  request(url: string): boolean {
    let cancel: boolean | undefined;
    this.beforeRequest!({ url }, (response) => {
      cancel = response.cancel;
    });
    return cancel !== true;
  }
  /** Runs a response through the session and returns the headers the page gets. */
  respond(url: string, responseHeaders?: ResponseHeaders): ResponseHeaders | undefined {
    let out: ResponseHeaders | undefined;
    this.headersReceived!({ url, responseHeaders }, (response) => {
      out = response.responseHeaders;
    });
    return out;
  }
}

export type InvokeListener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What the renderer's ipcRenderer.invoke would get back. */
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent };
}
