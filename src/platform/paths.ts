import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Lumbung keeps its data: LUMBUNG_HOME wins, else the OS convention. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.LUMBUNG_HOME) return env.LUMBUNG_HOME;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lumbung');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lumbung');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'lumbung');
}

/** The files and folders inside the data dir, named once. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    settingsFile: join(dataDir, 'settings.json'),
    ledgerDir: join(dataDir, 'ledger'),
    walletDir: join(dataDir, 'wallet'),
    jobsDir: join(dataDir, 'jobs'),
    logsDir: join(dataDir, 'logs'),
    tokenFile: join(dataDir, 'server-token'),
    powerLimitState: join(dataDir, 'power-limit.json'),
    networkDir: join(dataDir, 'network'),
  };
}
