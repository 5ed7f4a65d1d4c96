import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { appPaths } from '../../../main/app-paths.js';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../main/csp.js';
import {
  createMainWindow,
  guardWebContents,
  hardenSession,
  mainWindowOptions,
} from '../../../main/window.js';
import { FakeEvent, FakeSession, FakeWebContents } from './fake-electron.js';

const paths = appPaths('/opt/lumbung/dist/main', 'linux');
const rendererFile = (name: string) => pathToFileURL(join(paths.rendererDir, name)).href;

describe('mainWindowOptions', () => {
  it('turns on every renderer isolation DESIGN.md asks for', () => {
    const prefs = mainWindowOptions(paths, { show: true, devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/opt/lumbung/dist/main/preload.cjs',
    });
    // Nothing that would widen the page's powers may appear at all.
    for (const key of [
      'experimentalFeatures',
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
    ]) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('starts hidden when asked (login start) and allows devtools only in development', () => {
    expect(mainWindowOptions(paths, { show: false, devTools: true })).toMatchObject({
      show: false,
      webPreferences: { devTools: true },
    });
  });
});

describe('createMainWindow', () => {
  it('builds the window from those options, guards it, and loads the renderer file', async () => {
    const contents = new FakeWebContents(1);
    const loaded: string[] = [];
    let given: BrowserWindowConstructorOptions | undefined;
    createMainWindow(
      (options) => {
        given = options;
        return { webContents: contents, loadFile: async (file: string) => void loaded.push(file) };
      },
      paths,
      { show: true, devTools: false },
      () => undefined,
    );
    expect(given).toEqual(mainWindowOptions(paths, { show: true, devTools: false }));
    expect(loaded).toEqual(['/opt/lumbung/dist/renderer/index.html']);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('reports a renderer that fails to load instead of leaving an unhandled rejection', async () => {
    const failures: unknown[] = [];
    const contents = new FakeWebContents(1);
    createMainWindow(
      () => ({
        webContents: contents,
        loadFile: () => Promise.reject(new Error('ERR_FILE_NOT_FOUND')),
      }),
      paths,
      { show: true, devTools: false },
      (error) => failures.push(error),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toHaveLength(1);
  });
});

describe('guardWebContents', () => {
  it('denies every window.open, whatever the URL', () => {
    const contents = new FakeWebContents(1);
    guardWebContents(contents);
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl(), fc.constant(rendererFile('index.html')), fc.string()),
        (url) => {
          expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
        },
      ),
    );
  });

  it('stops navigation, redirects and <webview> attachment', () => {
    const contents = new FakeWebContents(1);
    guardWebContents(contents);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', rendererFile('index.html'))).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('hardenSession', () => {
  const hardened = () => {
    const session = new FakeSession();
    hardenSession(session, paths.rendererDir);
    return session;
  };

  it('sets our Content-Security-Policy on every response', () => {
    const session = hardened();
    const headers = session.respond(rendererFile('index.html'), { 'Content-Type': ['text/html'] });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(session.respond(rendererFile('assets/app.js'))?.['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
  });

  it('has a policy that allows only our own scripts: no inline, no eval, nothing remote', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|ws:|wss:/);
  });

  it('replaces a policy already present under any letter case, so a looser one cannot survive', () => {
    const headerName = fc
      .constantFrom('content-security-policy', 'content-security-policy-report-only')
      .chain((name) =>
        fc
          .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
          .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')),
      );
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(headerName, fc.string({ minLength: 1 })), fc.array(fc.string())),
        (headers) => {
          const out = withContentSecurityPolicy(headers);
          const policies = Object.entries(out).filter(([name]) =>
            name.toLowerCase().startsWith('content-security-policy'),
          );
          expect(policies).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
        },
      ),
    );
  });

  it('loads only files inside dist/renderer: nothing remote and no other local file', () => {
    const session = hardened();
    expect(session.request(rendererFile('index.html'))).toBe(true);
    expect(session.request(rendererFile('assets/index-abc123.js'))).toBe(true);
    expect(session.request('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(session.request('https://cdn.example/lib.js')).toBe(false);
    expect(session.request('http://127.0.0.1:8080/')).toBe(false);
    expect(session.request('ws://127.0.0.1:8080/')).toBe(false);
    expect(session.request('file:///etc/passwd')).toBe(false);
    expect(session.request(pathToFileURL('/opt/lumbung/dist/main/shell.js').href)).toBe(false);
    expect(session.request('file:///opt/lumbung/dist/renderer/../main/shell.js')).toBe(false);
    expect(session.request('file:///opt/lumbung/dist/renderer-evil/index.html')).toBe(false);
    expect(session.request('file://fileserver/share/index.html')).toBe(false);
    expect(session.request('not a url')).toBe(false);
  });

  it('refuses every permission request and check, and cancels downloads', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequest!({}, permission, (answer) => {
        granted = answer;
      });
      expect(granted).toBe(false);
      expect(session.permissionCheck!({}, permission)).toBe(false);
    }
    const download = new FakeEvent();
    session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });
});
