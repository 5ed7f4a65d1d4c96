import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../src/api/settings-schemas';
import type { Status } from '../../src/api/status-schemas';
import { ApiContext, type ApiContextValue, type Connection as ConnectionState } from './context';
import type { Connection } from './transport';

/**
 * One client for the whole page. It keeps the two things nearly every screen needs,
 * the status and the settings, fresh from events, and re-reads them after a reconnect
 * because events sent while the socket was down are lost.
 */
export function ApiProvider({
  connection,
  children,
}: {
  connection: Connection;
  children: ReactNode;
}) {
  const { client } = connection;
  const [state, setState] = useState<ConnectionState>(connection.isUp() ? 'up' : 'connecting');
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(
    () =>
      connection.onChange((up) => {
        setState(up ? 'up' : 'down');
        if (up) setGeneration((g) => g + 1);
      }),
    [connection],
  );

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
    () => ({ client, connection: state, status, settings, generation }),
    [client, state, status, settings, generation],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}
