import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyLoginItem,
  autostartDesktopEntry,
  desktopExecArg,
  HIDDEN_ARG,
  type LoginItemSettings,
} from '../../../main/login-item.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-login-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function recordingApp() {
  const calls: LoginItemSettings[] = [];
  return { calls, app: { setLoginItemSettings: (s: LoginItemSettings) => void calls.push(s) } };
}

describe('applyLoginItem on Linux (XDG autostart)', () => {
  it('writes an autostart entry that starts hidden, and removes it again', async () => {
    const { app, calls } = recordingApp();
    const autostartDir = join(dir, 'config', 'autostart');
    const host = {
      platform: 'linux' as const,
      executable: '/home/rina/Apps/Lumbung.AppImage',
      autostartDir,
    };
    await applyLoginItem(app, true, host);
    const file = join(autostartDir, 'lumbung.desktop');
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain(`Exec="/home/rina/Apps/Lumbung.AppImage" ${HIDDEN_ARG}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o644);

    await applyLoginItem(app, true, host); // idempotent
    await applyLoginItem(app, false, host);
    await expect(stat(file)).rejects.toThrow();
    await applyLoginItem(app, false, host); // already gone is fine
    expect(calls).toEqual([]);
  });

  it('quotes awkward paths so the desktop entry still names the same file', () => {
    expect(desktopExecArg('/opt/My Apps/lumbung')).toBe('"/opt/My Apps/lumbung"');
    // `$`, backquote, `"` and `\` are escaped inside quotes, then `\` doubled for the file.
    expect(desktopExecArg('/a/$HOME/`x`/"q"/b\\c')).toBe(
      '"/a/\\\\$HOME/\\\\`x\\\\`/\\\\"q\\\\"/b\\\\\\\\c"',
    );
    expect(desktopExecArg('/100%/lumbung')).toBe('"/100%%/lumbung"');
    expect(() => autostartDesktopEntry('/tmp/evil\nExec=rm -rf ~')).toThrow();
  });
});

describe('applyLoginItem on macOS and Windows', () => {
  it.each(['darwin', 'win32'] as const)(
    'asks %s to open the app at login, hidden',
    async (platform) => {
      const { app, calls } = recordingApp();
      const host = {
        platform,
        executable: 'C:\\Program Files\\Lumbung\\Lumbung.exe',
        autostartDir: dir,
      };
      await applyLoginItem(app, true, host);
      await applyLoginItem(app, false, host);
      expect(calls).toEqual([
        { openAtLogin: true, openAsHidden: true, path: host.executable, args: [HIDDEN_ARG] },
        // Windows finds the entry to remove by the same path and args.
        { openAtLogin: false, openAsHidden: false, path: host.executable, args: [HIDDEN_ARG] },
      ]);
    },
  );
});
