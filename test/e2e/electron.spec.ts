// Smoke test of the real Electron shell. It runs wherever Electron's binary exists; here
// the binary is not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so it skips, and the
// shell's logic is covered by test/unit/main against a fake of the Electron surface.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));

function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const builtShell = existsSync(join(root, 'dist', 'main', 'shell.js'));

test.skip(
  binary === null,
  "Electron's binary is not installed on this machine (its download was skipped), so the app window cannot be launched.",
);
test.skip(!builtShell, 'The app is not built: run `npm run build` first.');

/** What the preload exposes; page.evaluate bodies run in the page, so each names it itself. */
interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

/** The few DOM members used below (this project type-checks tests without the DOM lib). */
interface PageGlobals {
  open(url: string): unknown;
  location: { href: string };
  document: {
    createElement(tag: 'script'): { textContent: string | null };
    head: { append(node: unknown): void };
  };
  __inlineRan?: boolean;
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lumbung-e2e-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [root],
    cwd: root,
    env: { ...process.env, LUMBUNG_HOME: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the window runs sandboxed with only the lumbung bridge', async () => {
  const shown = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    // Undocumented but present in Electron: the preferences the page really got.
    const internal = contents as unknown as { getLastWebPreferences?: () => unknown };
    return { url: contents.getURL(), prefs: internal.getLastWebPreferences?.() ?? null };
  });
  expect(shown.url).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html/);
  if (shown.prefs !== null) {
    expect(shown.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  }
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as unknown as { lumbung: object }).lumbung).sort(),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
});

test('the core answers over IPC and refuses what is not allowed', async () => {
  const info = await page.evaluate(() =>
    (globalThis as unknown as { lumbung: Bridge }).lumbung.invoke('app.info', undefined),
  );
  expect(info).toMatchObject({ ok: true });
  const unknown = await page.evaluate(() =>
    (globalThis as unknown as { lumbung: Bridge }).lumbung.invoke('wallet.exportKey', undefined),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
  const bad = await page.evaluate(() =>
    (globalThis as unknown as { lumbung: Bridge }).lumbung.invoke('sharing.set', { on: 'yes' }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'badInput' } });
});

test('new windows, navigation and inline scripts are blocked', async () => {
  const opened = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).open('https://example.com') === null,
  );
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);

  // A navigation the shell refuses never commits; no 'framenavigated' is the signal.
  const before = page.url();
  const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  expect(await navigated).toBe(false);
  expect(page.url()).toBe(before);

  const inlineRan = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const script = g.document.createElement('script');
    script.textContent = 'globalThis.__inlineRan = true;';
    g.document.head.append(script);
    return g.__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});
