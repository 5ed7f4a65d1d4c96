import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Passed when the OS starts us at login: come up in the tray, without a window. */
export const HIDDEN_ARG = '--hidden';

const DESKTOP_FILE = 'lumbung.desktop';

export interface LoginItemSettings {
  openAtLogin: boolean;
  openAsHidden?: boolean;
  path?: string;
  args?: string[];
}

/** The part of Electron's app used here. */
export interface LoginItemApp {
  setLoginItemSettings(settings: LoginItemSettings): void;
}

export interface LoginItemHost {
  platform: NodeJS.Platform;
  /** The program the OS should start: the installed executable, or the AppImage file. */
  executable: string;
  /** Linux only: the XDG autostart folder. */
  autostartDir: string;
}

export function currentLoginItemHost(env: NodeJS.ProcessEnv = process.env): LoginItemHost {
  return {
    platform: process.platform,
    // Inside an AppImage, execPath points into a temporary mount that is gone after exit.
    executable: env.APPIMAGE ?? process.execPath,
    autostartDir: join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart'),
  };
}

/**
 * Quotes one Exec argument the way the Desktop Entry spec asks: always in double
 * quotes with `"`, backquote, `$` and `\` backslash-escaped, then the whole value
 * escaped once more as a desktop-file string (`\` doubled, `%` doubled).
 */
export function desktopExecArg(arg: string): string {
  if (/[\n\r]/.test(arg))
    throw new Error('login-item: a path with a line break cannot be autostarted');
  const quoted = `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Lumbung',
    `Exec=${desktopExecArg(executable)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Starts Lumbung at login, hidden in the tray, when `enabled`; removes that otherwise.
 * macOS and Windows keep login items themselves; Linux uses an XDG autostart entry,
 * which Electron does not manage.
 */
export async function applyLoginItem(
  app: LoginItemApp,
  enabled: boolean,
  host: LoginItemHost = currentLoginItemHost(),
): Promise<void> {
  if (host.platform === 'linux') {
    const file = join(host.autostartDir, DESKTOP_FILE);
    if (!enabled) {
      await rm(file, { force: true });
      return;
    }
    await mkdir(host.autostartDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, autostartDesktopEntry(host.executable), { mode: 0o644 });
    await rename(temp, file);
    return;
  }
  // Windows matches the entry by path and args, so both are passed when removing too.
  app.setLoginItemSettings({
    openAtLogin: enabled,
    openAsHidden: enabled,
    path: host.executable,
    args: [HIDDEN_ARG],
  });
}
