import { createContext } from 'react';
import type { ApiClient } from '../../src/api/client';
import type { Settings } from '../../src/api/settings-schemas';
import type { Status } from '../../src/api/status-schemas';

export type Connection = 'connecting' | 'up' | 'down';

export interface ApiContextValue {
  client: ApiClient;
  connection: Connection;
  status: Status | null;
  settings: Settings | null;
  /** Bumped on every (re)connection, so screens reload what they show. */
  generation: number;
}

export const ApiContext = createContext<ApiContextValue | null>(null);
