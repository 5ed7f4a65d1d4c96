import type { BrowserWindowConstructorOptions } from 'electron';
import type { AppPaths } from './app-paths.js';
import { withContentSecurityPolicy, type ResponseHeaders } from './csp.js';
import { isInsideRendererDir } from './renderer-url.js';

/** What the guards call on any web contents; Electron's WebContents has all of it. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: string, listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The part of Electron's Session the hardening uses. */
export interface HardenedSession {
  webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel?: boolean }) => void,
      ) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { cancel?: boolean; responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface WindowView {
  /** false when started at login: the app lives in the tray until opened. */
  show: boolean;
  devTools: boolean;
}

export interface MainWindow {
  readonly webContents: GuardedContents;
  loadFile(path: string): Promise<void>;
}

/** Schemes the window may request besides its own files: devtools for development only. */
const INTERNAL_SCHEMES = new Set(['devtools:', 'data:']);

/**
 * The one set of web preferences the app uses. Each line is a DESIGN.md security rule;
 * tests assert the object so that a later edit cannot quietly weaken it.
 */
export function mainWindowOptions(
  paths: AppPaths,
  view: WindowView,
): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: view.show,
    title: 'Lumbung',
    icon: paths.windowIcon,
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Developer tools only in a development run, never in the installed app.
      devTools: view.devTools,
    },
  };
}

/** No new windows, no navigation away, no <webview>: the page stays our page. */
export function guardWebContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const prevent = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
}

/**
 * Session-wide rules: only files under dist/renderer load (nothing remote, no other
 * local file), every response carries our CSP, every permission is refused, and
 * downloads are cancelled.
 */
export function hardenSession(session: HardenedSession, rendererDir: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isInsideRendererDir(details.url, rendererDir) || INTERNAL_SCHEMES.has(schemeOf(details.url));
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** Creates the hardened window and loads the renderer from disk. */
export function createMainWindow<W extends MainWindow>(
  construct: (options: BrowserWindowConstructorOptions) => W,
  paths: AppPaths,
  view: WindowView,
  onLoadFailed: (error: unknown) => void,
): W {
  const window = construct(mainWindowOptions(paths, view));
  guardWebContents(window.webContents);
  window.loadFile(paths.rendererIndex).catch(onLoadFailed);
  return window;
}
