import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Docker from 'dockerode';
import { msg } from '../api/message.js';
import { createGpuDetector, type DetectOptions } from '../gpu/detector.js';
import { Ledger } from '../ledger/ledger.js';
import { connectProvider } from '../network/chain/provider.js';
import { headlessHost, type HostSignals } from '../platform/host.js';
import { appVersion } from '../platform/package-info.js';
import { dataPaths } from '../platform/paths.js';
import { FileSecretVault, type SecretVault } from '../platform/secret-vault.js';
import { connectEngine } from '../sandbox/engine-socket.js';
import { probeEngine } from '../sandbox/engine.js';
import { describeMissingEngine } from '../sandbox/engine-status.js';
import type { EngineStatus } from '../api/sandbox-schemas.js';
import { LABEL_JOB } from '../sandbox/container-options.js';
import { createRunner } from '../sandbox/runner.js';
import { SettingsStore, type KeyValueFileFactory } from '../settings/store.js';
import type { ScryptOptions } from '../wallet/keystore.js';
import { WalletService } from '../wallet/service.js';
import { settlementPaths } from '../settlement/paths.js';
import { VoucherStore } from '../settlement/voucher-store.js';
import {
  remoteNetwork,
  startEmbeddedChain,
  startEmbeddedNetwork,
  type EmbeddedChain,
} from './embedded-network.js';
import { GpuWatch } from './gpu-watch.js';
import type { LumbungNode } from './lumbung-node.js';
import type { NetworkFactory } from './network-link.js';
import { Node } from './node.js';
import { PowerCap } from './power-cap.js';

export type NetworkChoice =
  | { kind: 'local'; offerIntervalMs?: number; jobSize?: number }
  | { kind: 'remote'; url: string }
  | { kind: 'none' };

export interface StartNodeOptions {
  dataDir: string;
  shell: 'electron' | 'headless';
  host?: HostSignals;
  /** The shell's OS secret store (Electron safeStorage); absent or unavailable = file key. */
  secretVault?: SecretVault;
  /** electron-store in the Electron app; conf (its engine) under plain Node. */
  settingsFile?: KeyValueFileFactory;
  gpu?: DetectOptions;
  /** Default: the coordinator URL in settings, else the embedded local network. */
  network?: NetworkChoice;
  /** Lower scrypt cost, for tests only. */
  walletScrypt?: ScryptOptions;
  now?: () => number;
  timeZone?: () => string;
  log?: (line: string) => void;
}

export interface StartedNode extends LumbungNode {
  /** The embedded chain's RPC, when the local network runs (tests and `lumbung verify`). */
  readonly chainRpcUrl: string | null;
}

export async function startNode(options: StartNodeOptions): Promise<StartedNode> {
  const paths = dataPaths(options.dataDir);
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? ((line: string) => console.error(line));
  const opened = await SettingsStore.open(paths.dataDir, options.settingsFile);
  const settings = opened.store;
  const choice: NetworkChoice =
    options.network ??
    (settings.get().networkUrl
      ? { kind: 'remote', url: settings.get().networkUrl! }
      : { kind: 'local' });

  const engine = await connectEngine();
  const docker = engine.ok ? engine.docker : new Docker();

  let chain: EmbeddedChain | null = null;
  if (choice.kind === 'local') {
    try {
      chain = await startEmbeddedChain(paths.networkDir);
    } catch (error) {
      log(`local chain: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // The device key must open without the owner at 3 a.m.: the shell's OS vault where it
  // is real, else a key file only this user can read.
  const osVault = options.secretVault?.available() ? options.secretVault : null;
  const provider = chain ? connectProvider(chain.link.rpcUrl, chain.link.chainId) : null;
  const wallet = new WalletService({
    dir: paths.walletDir,
    deviceVault: osVault ?? new FileSecretVault(join(paths.walletDir, 'device-vault.key')),
    ...(osVault ? { rememberVault: osVault } : {}),
    ...(options.walletScrypt ? { scrypt: options.walletScrypt } : {}),
    ...(chain && provider
      ? {
          provider: () => provider,
          chainId: chain.link.chainId,
          token: { address: chain.link.token!, decimals: 18, symbol: 'LMB' },
          staking: { address: chain.link.staking!, fromBlock: chain.fromBlock },
        }
      : {}),
  });
  const ledger = await Ledger.open(paths.ledgerDir, options.now ? { now: options.now } : {});
  // Containers carry the id of the data folder that started them, so recovering orphans
  // after a crash never touches another Lumbung's jobs on the same engine.
  const nodeId = `n${createHash('sha256').update(paths.dataDir).digest('hex').slice(0, 12)}`;
  const runner = createRunner({ docker, workDir: paths.jobsDir, nodeId });

  const network: NetworkFactory | null =
    choice.kind === 'none'
      ? null
      : choice.kind === 'remote'
        ? async () => remoteNetwork(choice.url, paths.networkDir)
        : async (who) => {
            await chain
              ?.welcome(who.payout, who.device)
              .catch((e: unknown) => log(`welcome: ${String(e)}`));
            return startEmbeddedNetwork({
              networkDir: paths.networkDir,
              chain,
              docker,
              ...(choice.offerIntervalMs ? { offerIntervalMs: choice.offerIntervalMs } : {}),
              ...(choice.jobSize ? { jobSize: choice.jobSize } : {}),
            });
          };

  let drawW: number | null = null;
  const nvidiaSmi = options.gpu?.tools?.nvidiaSmi;
  const node = new Node({
    shell: options.shell,
    version: appVersion(),
    dataDir: paths.dataDir,
    settings,
    gpu: createGpuDetector(options.gpu),
    probeEngine: () => probeWithin(docker, engine.ok ? engine.socket : null),
    host: options.host ?? headlessHost,
    wallet,
    ledger,
    runner,
    powerCap: new PowerCap({
      stateFile: paths.powerLimitState,
      drawW: () => drawW,
      log,
      ...(nvidiaSmi ? { nvidiaSmi } : {}),
    }),
    gpuWatch: (hooks) =>
      new GpuWatch({
        ...(nvidiaSmi ? { nvidiaSmi } : {}),
        now: options.now ?? Date.now,
        thresholdPct: () => settings.get().policy.foreignGpuUtilPct,
        ourPids: () => jobPids(docker),
        onSamples: (samples) => {
          drawW = samples[0]?.powerW ?? null;
          hooks.onSamples(samples);
        },
        onForeignChange: hooks.onForeignChange,
      }),
    settlement:
      chain && provider
        ? {
            store: await VoucherStore.open(settlementPaths(paths.dataDir).voucherStore),
            provider,
            chain: chain.link,
          }
        : null,
    network,
    log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  if (opened.damagedBackup) {
    node.notice('warning', msg('common:notice.settingsDamaged', { file: opened.damagedBackup }));
  }
  await node.start();
  const stop = node.stop.bind(node);
  return Object.assign(node, {
    chainRpcUrl: chain?.link.rpcUrl ?? null,
    async stop() {
      await stop();
      await chain?.stop();
    },
  });
}

/** A wedged engine must not wedge the node: the probe gets 15 s, then reads as not answering. */
async function probeWithin(docker: Docker, socket: string | null): Promise<EngineStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<EngineStatus>((resolve) => {
    timer = setTimeout(() => resolve(describeMissingEngine(socket, 'ETIMEDOUT')), 15_000);
  });
  try {
    return await Promise.race([probeEngine({ docker }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Host PIDs of the processes in our job containers: our own GPU use, never the owner's. */
async function jobPids(docker: Docker): Promise<Set<number>> {
  const pids = new Set<number>();
  const containers = await docker
    .listContainers({ filters: { label: [LABEL_JOB] } })
    .catch(() => []);
  for (const info of containers) {
    const top = (await docker
      .getContainer(info.Id)
      .top({ ps_args: '-o pid' })
      .catch(() => null)) as { Processes?: string[][] } | null;
    for (const row of top?.Processes ?? []) {
      const pid = Number(row[0]);
      if (Number.isInteger(pid)) pids.add(pid);
    }
  }
  return pids;
}
