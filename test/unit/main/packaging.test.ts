import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const require = createRequire(import.meta.url);
// electron-builder reads YAML with js-yaml and validates with its own schema; use both.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

const config = yaml.load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<
  string,
  unknown
>;

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('names the app and its installers', () => {
    expect(config).toMatchObject({
      appId: 'org.lumbung.app',
      productName: 'Lumbung',
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
  });

  it('points at icons that exist, including the ones the shell loads at run time', () => {
    const platforms = config as {
      linux: { icon: string };
      win: { icon: string };
      mac: { icon: string };
    };
    for (const icon of [platforms.linux.icon, platforms.win.icon, platforms.mac.icon]) {
      expect(existsSync(new URL(icon, root)), icon).toBe(true);
    }
    for (const file of [
      'assets/icons/256x256.png',
      'assets/tray/tray.png',
      'assets/tray/tray@2x.png',
      'assets/tray/trayTemplate.png',
      'assets/tray/trayTemplate@2x.png',
    ]) {
      expect(existsSync(new URL(file, root)), file).toBe(true);
    }
  });
});

describe('package.json', () => {
  it('starts Electron from the compiled shell', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/shell.js');
  });
});
