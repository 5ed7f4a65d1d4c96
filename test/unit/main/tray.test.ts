import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/api/format-message.js';
import { msg } from '../../../src/api/message.js';
import type { Status } from '../../../src/api/status-schemas.js';
import {
  createTrayController,
  trayMenuTemplate,
  trayTooltip,
  type TrayActions,
  type TrayMenuItem,
} from '../../../main/tray.js';

function status(sharing: boolean, headline = msg('common:status.off')): Status {
  return {
    state: sharing ? 'ready' : 'off',
    sharing,
    headline,
    reasons: [],
    nextChangeAt: null,
    checks: [],
    job: null,
    notices: [],
    power: { budgetW: null, method: 'none', methodReason: null },
    network: { mode: 'local', url: null, connected: false },
    updatedAt: 0,
  };
}

function recordingActions() {
  const done: string[] = [];
  const actions: TrayActions = {
    open: () => done.push('open'),
    setSharing: (on) => done.push(`sharing:${on}`),
    quit: () => done.push('quit'),
  };
  return { done, actions };
}

describe('trayTooltip', () => {
  it('is the status sentence in the owner’s language', () => {
    expect(trayTooltip(status(false), 'en')).toBe('Sharing is off. Your computer is all yours.');
    expect(trayTooltip(status(false), 'id')).toBe(formatMessage('id', msg('common:status.off')));
    expect(trayTooltip(status(false), 'id')).not.toBe(trayTooltip(status(false), 'en'));
  });

  it('fills in the sentence’s values', () => {
    const error = status(true, msg('common:status.error', { detail: 'Docker stopped' }));
    expect(trayTooltip(error, 'en')).toBe('Lumbung hit a problem: Docker stopped');
  });

  it('says the app is starting before the core has answered', () => {
    expect(trayTooltip(null, 'en')).toBe(formatMessage('en', msg('shell:tray.starting')));
  });
});

describe('trayMenuTemplate', () => {
  it('offers Open, a Sharing checkbox that mirrors the status, and Quit', () => {
    const { actions } = recordingActions();
    const items = trayMenuTemplate(status(true), 'en', actions);
    expect(items.map((i) => [i.type ?? 'normal', i.label])).toEqual([
      ['normal', formatMessage('en', msg('shell:tray.open'))],
      ['checkbox', formatMessage('en', msg('shell:tray.sharing'))],
      ['separator', undefined],
      ['normal', formatMessage('en', msg('shell:tray.quit'))],
    ]);
    expect(items[1]).toMatchObject({ checked: true, enabled: true });
  });

  it('asks the core for the opposite of the current sharing state', () => {
    for (const sharing of [true, false]) {
      const { done, actions } = recordingActions();
      const items = trayMenuTemplate(status(sharing), 'en', actions);
      for (const item of items) item.click?.();
      expect(done).toEqual(['open', `sharing:${!sharing}`, 'quit']);
    }
  });

  it('disables the switch until the core has reported a status', () => {
    const { actions } = recordingActions();
    expect(trayMenuTemplate(null, 'en', actions)[1]).toMatchObject({
      checked: false,
      enabled: false,
    });
  });
});

describe('createTrayController', () => {
  it('redraws tooltip and menu on every status and language change', () => {
    const tooltips: string[] = [];
    const menus: TrayMenuItem[][] = [];
    const tray = {
      setToolTip: (text: string) => void tooltips.push(text),
      setContextMenu: (menu: TrayMenuItem[] | null) => void menus.push(menu ?? []),
    };
    const { actions } = recordingActions();
    const controller = createTrayController(tray, (items) => items, actions, 'en');
    expect(tooltips).toEqual([trayTooltip(null, 'en')]);

    controller.showStatus(status(true, msg('common:status.ready')));
    expect(tooltips.at(-1)).toBe('Ready — waiting for a job from the network.');
    expect(menus.at(-1)?.[1]?.checked).toBe(true);

    controller.setLanguage('id');
    expect(tooltips.at(-1)).toBe(formatMessage('id', msg('common:status.ready')));
    controller.setLanguage('id');
    expect(tooltips).toHaveLength(3);

    // A refused switch: the checkbox comes back from the last status, not the click.
    controller.refresh();
    expect(menus.at(-1)?.[1]?.checked).toBe(true);
  });
});
