// The Electron entry: wires the core (src/node) to a hardened window, the tray and the
// login item. Policy and state live in the core; this file only connects parts.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  powerMonitor,
  safeStorage,
  session,
  Tray,
} from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dispatch } from '../src/api/dispatch.js';
import { formatMessage } from '../src/api/format-message.js';
import { msg } from '../src/api/message.js';
import { LanguageSchema, type Language } from '../src/api/settings-schemas.js';
import { StatusSchema } from '../src/api/status-schemas.js';
import ElectronStore from 'electron-store';
import { SETTINGS_FILE_MODE } from '../src/settings/store.js';
import { startNode } from '../src/node/index.js';
import type { LumbungNode } from '../src/node/lumbung-node.js';
import { defaultDataDir } from '../src/platform/paths.js';
import { appPaths } from './app-paths.js';
import { createElectronHostSignals } from './host-signals.js';
import { bridgeIpc } from './ipc.js';
import { applyLoginItem, HIDDEN_ARG } from './login-item.js';
import { isRendererPage } from './renderer-url.js';
import { createSafeStorageVault } from './secret-vault.js';
import { createTrayController, type TrayController } from './tray.js';
import { createMainWindow, guardWebContents, hardenSession } from './window.js';

const paths = appPaths(dirname(fileURLToPath(import.meta.url)), process.platform);

/** Only the fields of the settings the shell acts on; the rest is the core's business. */
const ShellSettingsSchema = z.object({
  language: LanguageSchema,
  startAtLogin: z.boolean().optional(),
});

let node: LumbungNode | null = null;
let window: BrowserWindow | null = null;
let tray: TrayController | null = null;
let trayIcon: Tray | null = null;
let disposeBridge: (() => void) | null = null;
let quitting = false;
let nodeStopping = false;
let nodeStopped = false;
/** Someone asked for the window before the core was up; show it once it is. */
let windowWanted = !process.argv.includes(HIDDEN_ARG);
// Until the settings are read; the OS locale is only reliable after 'ready' (Windows).
let language: Language = 'en';

function logError(context: string, error: unknown): void {
  console.error(`lumbung shell: ${context}:`, error);
}

function showWindow(): void {
  if (window === null || window.isDestroyed()) {
    const created = createMainWindow(
      (options) => new BrowserWindow(options),
      paths,
      { show: false, devTools: !app.isPackaged },
      (error) => logError('renderer failed to load', error),
    );
    created.once('ready-to-show', () => created.show());
    // Closing the window keeps Lumbung sharing from the tray; Quit ends it.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    window = created;
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function setSharing(on: boolean): Promise<void> {
  if (node === null) return;
  const answer = await dispatch(node.api, 'sharing.set', { on });
  const status = answer.ok ? StatusSchema.safeParse(answer.value) : null;
  if (status?.success) tray?.showStatus(status.data);
  else tray?.refresh();
}

function applySettings(raw: unknown): void {
  const settings = ShellSettingsSchema.safeParse(raw);
  if (!settings.success) return;
  language = settings.data.language;
  tray?.setLanguage(language);
  // Development runs start Electron on the repo; registering that at login helps nobody.
  if (app.isPackaged && settings.data.startAtLogin !== undefined) {
    applyLoginItem(app, settings.data.startAtLogin).catch((error) => logError('login item', error));
  }
}

function createTray(): void {
  trayIcon = new Tray(nativeImage.createFromPath(paths.trayIcon));
  trayIcon.on('click', requestWindow);
  tray = createTrayController(
    trayIcon,
    (items) => Menu.buildFromTemplate(items),
    {
      open: requestWindow,
      setSharing: (on) => void setSharing(on).catch((error) => logError('sharing.set', error)),
      quit: () => app.quit(),
    },
    language,
  );
}

async function start(): Promise<void> {
  if (app.getLocale().toLowerCase().startsWith('id')) language = 'id';
  hardenSession(session.defaultSession, paths.rendererDir);
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  createTray();

  // Settings through electron-store (conf underneath, the same file as headless).
  // electron-store registers its own 'electron-store-get-data' IPC answer; the sandboxed
  // page cannot reach it, and it is removed so our one checked channel stays the only one.
  node = await startNode({
    dataDir: defaultDataDir(),
    shell: 'electron',
    host: createElectronHostSignals(powerMonitor),
    secretVault: createSafeStorageVault(safeStorage, process.platform),
    settingsFile: ({ cwd, configName }) => {
      const store = new ElectronStore<Record<string, unknown>>({
        cwd,
        name: configName,
        configFileMode: SETTINGS_FILE_MODE,
      });
      ipcMain.removeAllListeners('electron-store-get-data');
      return store;
    },
  });
  const running = node;

  disposeBridge = bridgeIpc({
    ipcMain,
    node: running,
    windowContents: () => (window === null || window.isDestroyed() ? null : window.webContents),
    isRendererPage: (url) => isRendererPage(url, paths.rendererIndex),
    onInternalError: (method, error) => logError(`api ${method}`, error),
  });
  running.onEvent((event, payload) => {
    if (event === 'status') {
      const status = StatusSchema.safeParse(payload);
      if (status.success) tray?.showStatus(status.data);
    } else if (event === 'settings') {
      applySettings(payload);
    }
  });

  const settings = await dispatch(running.api, 'settings.get', undefined);
  if (settings.ok) applySettings(settings.value);
  const status = await dispatch(running.api, 'status.get', undefined);
  if (status.ok) {
    const parsed = StatusSchema.safeParse(status.value);
    if (parsed.success) tray?.showStatus(parsed.data);
  }

  if (windowWanted) showWindow();
}

/** A window before the core answers would show a page whose every call fails. */
function requestWindow(): void {
  if (node === null) windowWanted = true;
  else showWindow();
}

function failStart(error: unknown): void {
  logError('start failed', error);
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    formatMessage(language, msg('shell:error.startFailedTitle')),
    formatMessage(language, msg('shell:error.startFailed', { detail })),
  );
  app.exit(1);
}

/** Stops the core before the process ends, however the quit was asked for. */
function onBeforeQuit(event: { preventDefault(): void }): void {
  quitting = true;
  if (node === null || nodeStopped) return;
  event.preventDefault();
  if (nodeStopping) return;
  nodeStopping = true;
  disposeBridge?.();
  disposeBridge = null;
  node
    .stop()
    .catch((error: unknown) => logError('stopping the node', error))
    .finally(() => {
      nodeStopped = true;
      trayIcon?.destroy();
      app.quit();
    });
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('org.lumbung.app');
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', requestWindow);
  app.on('activate', requestWindow);
  // The tray keeps the app alive with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', onBeforeQuit);
  app
    .whenReady()
    .then(() => {
      powerMonitor.on('shutdown', () => app.quit());
      return start();
    })
    .catch(failStart);
}

main();
