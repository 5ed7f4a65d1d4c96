import type { EventName } from '../src/api/contract.js';
import { dispatch } from '../src/api/dispatch.js';
import type { Envelope } from '../src/api/envelope.js';
import { msg } from '../src/api/message.js';
import type { LumbungNode } from '../src/node/lumbung-node.js';

/** The only two channels between the window and the core. The preload repeats them. */
export const INVOKE_CHANNEL = 'lumbung:invoke';
export const EVENT_CHANNEL = 'lumbung:event';

/** Longest method name we even look at; real ones are short. */
const MAX_METHOD_LENGTH = 100;

/** A frame as Electron describes the sender of an IPC message. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The window's web contents: who may call, and where events go. */
export interface WindowContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  node: Pick<LumbungNode, 'api' | 'onEvent'>;
  /** Our window's contents right now; null while there is no window. */
  windowContents: () => WindowContents | null;
  /** True for the URL of our renderer page (see renderer-url.ts). */
  isRendererPage: (url: string) => boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

function refused(): Envelope {
  return { ok: false, error: { code: 'notAllowed', message: msg('shell:error.senderRefused') } };
}

function badMethod(): Envelope {
  return { ok: false, error: { code: 'badInput', message: msg('common:error.badInput') } };
}

/**
 * Decides whether an IPC message comes from our page: our window's contents, its main
 * frame (not an iframe), showing our renderer file. Reading a frame that is already
 * gone throws in Electron; that counts as "no".
 */
export function isTrustedSender(
  event: InvokeEvent,
  contents: WindowContents | null,
  isRendererPage: (url: string) => boolean,
): boolean {
  try {
    if (contents === null || contents.isDestroyed() || event.sender.id !== contents.id)
      return false;
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return isRendererPage(frame.url);
  } catch {
    return false;
  }
}

/**
 * Serves the API to the window over one channel and forwards the core's events to
 * that window only. The sender is checked before anything else; then `dispatch`
 * validates the input with the contract's zod schema, so a bad payload is answered
 * with an error and never reaches the node. Returns a function that undoes both.
 */
export function bridgeIpc(options: IpcBridgeOptions): () => void {
  const { ipcMain, node, windowContents, isRendererPage, onInternalError } = options;

  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event, windowContents(), isRendererPage)) return refused();
    if (typeof method !== 'string' || method.length > MAX_METHOD_LENGTH) return badMethod();
    return dispatch(node.api, method, input, onInternalError);
  });

  const unsubscribe = node.onEvent((name: EventName, payload: unknown) => {
    const contents = windowContents();
    if (contents === null || contents.isDestroyed()) return;
    contents.send(EVENT_CHANNEL, name, payload);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
