import { mkdir } from 'node:fs/promises';
import { msg } from '../api/message.js';
import { createGpuDetector, type DetectOptions } from '../gpu/detector.js';
import { headlessHost, type HostSignals } from '../platform/host.js';
import { appVersion } from '../platform/package-info.js';
import { dataPaths } from '../platform/paths.js';
import { FileSecretVault, type SecretVault } from '../platform/secret-vault.js';
import { join } from 'node:path';
import { Ledger } from '../ledger/ledger.js';
import { WalletService } from '../wallet/service.js';
import type { ScryptOptions } from '../wallet/keystore.js';
import { probeEngine } from '../sandbox/engine.js';
import { SettingsStore, type KeyValueFileFactory } from '../settings/store.js';
import type { LumbungNode } from './lumbung-node.js';
import { Node } from './node.js';

export interface StartNodeOptions {
  dataDir: string;
  shell: 'electron' | 'headless';
  host?: HostSignals;
  secretVault?: SecretVault;
  /** electron-store in the Electron app; conf (its engine) under plain Node. */
  settingsFile?: KeyValueFileFactory;
  gpu?: DetectOptions;
  /** Lower scrypt cost for tests only. */
  walletScrypt?: ScryptOptions;
  now?: () => number;
  timeZone?: () => string;
}

export async function startNode(options: StartNodeOptions): Promise<LumbungNode> {
  const paths = dataPaths(options.dataDir);
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  const opened = await SettingsStore.open(paths.dataDir, options.settingsFile);
  // The device key must open without the owner at 3 a.m.: the shell's OS vault where it
  // is real, else a key file only this user can read.
  const deviceVault = options.secretVault?.available()
    ? options.secretVault
    : new FileSecretVault(join(paths.walletDir, 'device-vault.key'));
  const wallet = new WalletService({
    dir: paths.walletDir,
    deviceVault,
    ...(options.secretVault?.available() ? { rememberVault: options.secretVault } : {}),
    ...(options.walletScrypt ? { scrypt: options.walletScrypt } : {}),
  });
  const ledger = await Ledger.open(paths.ledgerDir, options.now ? { now: options.now } : {});
  const node = new Node({
    wallet,
    ledger,
    shell: options.shell,
    version: appVersion(),
    dataDir: paths.dataDir,
    settings: opened.store,
    gpu: createGpuDetector(options.gpu),
    probeEngine: () => probeEngine(),
    host: options.host ?? headlessHost,
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  if (opened.damagedBackup) {
    node.notice('warning', msg('common:notice.settingsDamaged', { file: opened.damagedBackup }));
  }
  await node.start();
  return node;
}
