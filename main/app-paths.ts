import { join, resolve } from 'node:path';

/** Every file the shell loads at run time, derived from where the compiled shell lives. */
export interface AppPaths {
  /** dist/renderer: the only folder the window may load files from. */
  readonly rendererDir: string;
  readonly rendererIndex: string;
  readonly preload: string;
  readonly windowIcon: string;
  /** Tray image for this platform; macOS gets a template image it tints itself. */
  readonly trayIcon: string;
}

/**
 * `distMainDir` is dist/main (where shell.js is). The same layout holds unpacked
 * (`electron .`) and inside the asar, so no branch on `app.isPackaged` is needed.
 */
export function appPaths(distMainDir: string, platform: NodeJS.Platform): AppPaths {
  const dist = resolve(distMainDir, '..');
  const assets = resolve(dist, '..', 'assets');
  const rendererDir = join(dist, 'renderer');
  return {
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
    preload: join(distMainDir, 'preload.cjs'),
    windowIcon: join(assets, 'icons', '256x256.png'),
    trayIcon: join(assets, 'tray', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
  };
}
