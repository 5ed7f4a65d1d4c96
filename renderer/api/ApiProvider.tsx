import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createClient } from '../../src/api/client';
import type { Settings } from '../../src/api/settings-schemas';
import type { Status } from '../../src/api/status-schemas';
import { ApiContext, type ApiContextValue, type Connection } from './context';
import { chooseTransport } from './transport';

/**
 * One client for the whole page. It keeps the two things nearly every screen needs,
 * the status and the settings, fresh from events, and re-reads them after a reconnect
 * because events sent while the socket was down are lost.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  const { client, kind } = useMemo(() => {
    const chosen = chooseTransport((up) => {
      setConnection(up ? 'up' : 'down');
      if (up) setGeneration((g) => g + 1);
    });
    return { client: createClient(chosen.transport), kind: chosen.kind };
  }, []);

  useEffect(() => {
    if (kind === 'ipc') setConnection('up');
  }, [kind]);

  useEffect(() => {
    const offStatus = client.on('status', setStatus);
    const offSettings = client.on('settings', setSettings);
    return () => {
      offStatus();
      offSettings();
    };
  }, [client]);

  useEffect(() => {
    let live = true;
    client.call('status.get').then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    client.call('settings.get').then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, generation]);

  const value = useMemo<ApiContextValue>(
    () => ({ client, connection, status, settings, generation }),
    [client, connection, status, settings, generation],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}
