import { formatMessage } from '../src/api/format-message.js';
import { msg } from '../src/api/message.js';
import type { Language } from '../src/api/settings-schemas.js';
import type { Status } from '../src/api/status-schemas.js';

/** One tray menu entry, shaped like Electron's MenuItemConstructorOptions. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
}

/** The part of Electron's Tray used here. */
export interface TrayLike<Menu> {
  setToolTip(text: string): void;
  setContextMenu(menu: Menu | null): void;
}

export interface TrayActions {
  open(): void;
  setSharing(on: boolean): void;
  quit(): void;
}

/** The tooltip is the dashboard's status sentence, in the owner's language. */
export function trayTooltip(status: Status | null, language: Language): string {
  return formatMessage(language, status?.headline ?? msg('shell:tray.starting'));
}

export function trayMenuTemplate(
  status: Status | null,
  language: Language,
  actions: TrayActions,
): TrayMenuItem[] {
  const say = (key: string) => formatMessage(language, msg(key));
  return [
    { label: say('shell:tray.open'), click: () => actions.open() },
    {
      label: say('shell:tray.sharing'),
      type: 'checkbox',
      checked: status?.sharing ?? false,
      // Until the core has answered once there is nothing to switch.
      enabled: status !== null,
      click: () => actions.setSharing(!(status?.sharing ?? false)),
    },
    { type: 'separator' },
    { label: say('shell:tray.quit'), click: () => actions.quit() },
  ];
}

export interface TrayController {
  showStatus(status: Status): void;
  setLanguage(language: Language): void;
  /** Redraws from the last known status, e.g. to undo a checkbox the core refused. */
  refresh(): void;
}

/**
 * Keeps the tray in step with the core: tooltip and menu are rebuilt from the latest
 * status. The checkbox's state always comes from the status, never from the click,
 * so a refused `sharing.set` snaps back on the next refresh.
 */
export function createTrayController<Menu>(
  tray: TrayLike<Menu>,
  buildMenu: (items: TrayMenuItem[]) => Menu,
  actions: TrayActions,
  initialLanguage: Language,
): TrayController {
  let status: Status | null = null;
  let language = initialLanguage;
  const render = () => {
    tray.setToolTip(trayTooltip(status, language));
    tray.setContextMenu(buildMenu(trayMenuTemplate(status, language, actions)));
  };
  render();
  return {
    showStatus(next) {
      status = next;
      render();
    },
    setLanguage(next) {
      if (next === language) return;
      language = next;
      render();
    },
    refresh: render,
  };
}
