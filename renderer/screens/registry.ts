import type { ComponentType } from 'react';
import { Activity } from './Activity';
import { Dashboard } from './Dashboard';
import { Earnings } from './Earnings';
import { Energy } from './Energy';
import { Hardware } from './Hardware';
import { PowerHeat } from './PowerHeat';
import { Schedule } from './Schedule';
import { Settings } from './Settings';
import { Wallet } from './Wallet';

export interface ScreenEntry {
  /** The route: `#/<id>`. */
  id: string;
  /** Message key of its name in the navigation and its title. */
  titleKey: string;
  Component: ComponentType;
}

/** Every screen in navigation order. Adding a screen is one file plus one line here. */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'dashboard', titleKey: 'ui:nav.dashboard', Component: Dashboard },
  { id: 'earnings', titleKey: 'ui:nav.earnings', Component: Earnings },
  { id: 'wallet', titleKey: 'ui:nav.wallet', Component: Wallet },
  { id: 'schedule', titleKey: 'ui:nav.schedule', Component: Schedule },
  { id: 'power', titleKey: 'ui:nav.power', Component: PowerHeat },
  { id: 'energy', titleKey: 'ui:nav.energy', Component: Energy },
  { id: 'hardware', titleKey: 'ui:nav.hardware', Component: Hardware },
  { id: 'activity', titleKey: 'ui:nav.activity', Component: Activity },
  { id: 'settings', titleKey: 'ui:nav.settings', Component: Settings },
];

export const DEFAULT_SCREEN = SCREENS[0]!;

export function screenFor(id: string): ScreenEntry {
  return SCREENS.find((s) => s.id === id) ?? DEFAULT_SCREEN;
}
