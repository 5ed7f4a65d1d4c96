import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../main/app-paths.js';
import { isInsideRendererDir, isRendererPage } from '../../../main/renderer-url.js';

const paths = appPaths('/opt/lumbung/dist/main', 'linux');
const page = pathToFileURL(paths.rendererIndex).href;

describe('appPaths', () => {
  it('finds the renderer, preload and icons from dist/main', () => {
    expect(paths).toEqual({
      rendererDir: '/opt/lumbung/dist/renderer',
      rendererIndex: '/opt/lumbung/dist/renderer/index.html',
      preload: '/opt/lumbung/dist/main/preload.cjs',
      windowIcon: '/opt/lumbung/assets/icons/256x256.png',
      trayIcon: '/opt/lumbung/assets/tray/tray.png',
    });
    expect(appPaths('/opt/lumbung/dist/main', 'darwin').trayIcon).toBe(
      '/opt/lumbung/assets/tray/trayTemplate.png',
    );
  });
});

describe('isRendererPage', () => {
  it('accepts our page with any route or query', () => {
    expect(isRendererPage(page, paths.rendererIndex)).toBe(true);
    expect(isRendererPage(`${page}#/earnings`, paths.rendererIndex)).toBe(true);
    expect(isRendererPage(`${page}?lang=id`, paths.rendererIndex)).toBe(true);
    expect(
      isRendererPage('file://localhost/opt/lumbung/dist/renderer/index.html', paths.rendererIndex),
    ).toBe(true);
  });

  it('refuses any other page, scheme or host', () => {
    for (const url of [
      'file:///opt/lumbung/dist/renderer/other.html',
      'file:///tmp/index.html',
      'file://attacker/opt/lumbung/dist/renderer/index.html',
      'http://127.0.0.1/opt/lumbung/dist/renderer/index.html',
      'https://evil.example/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isRendererPage(url, paths.rendererIndex), url).toBe(false);
    }
  });
});

describe('isInsideRendererDir', () => {
  it('accepts files below the renderer folder and nothing else', () => {
    expect(
      isInsideRendererDir(
        pathToFileURL('/opt/lumbung/dist/renderer/assets/a.js').href,
        paths.rendererDir,
      ),
    ).toBe(true);
    expect(isInsideRendererDir('file:///opt/lumbung/dist/renderer', paths.rendererDir)).toBe(false);
    expect(isInsideRendererDir('file:///opt/lumbung/dist/renderer2/a.js', paths.rendererDir)).toBe(
      false,
    );
    expect(
      isInsideRendererDir(
        'file:///opt/lumbung/dist/renderer/%2e%2e/main/shell.js',
        paths.rendererDir,
      ),
    ).toBe(false);
  });
});
