import { ApiFailure } from '../api/envelope.js';
import type { ApiImplementation, EventName } from '../api/contract.js';
import type { GpuReport } from '../api/gpu-schemas.js';
import { msg, type Message } from '../api/message.js';
import type { Decision } from '../api/policy-schemas.js';
import type { EngineStatus } from '../api/sandbox-schemas.js';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../api/settings-schemas.js';
import type { Check, Status } from '../api/status-schemas.js';
import type { GpuDetector } from '../gpu/detector.js';
import type { HostSignals } from '../platform/host.js';
import type { SettingsStore } from '../settings/store.js';
import { EventHub } from './event-hub.js';
import type { LumbungNode } from './lumbung-node.js';
import { Notices } from './notices.js';
import { PolicyLoop, type PolicyObservations } from './policy-loop.js';
import { deriveStatus } from './status.js';
import type { WalletService } from '../wallet/service.js';
import type { Ledger } from '../ledger/ledger.js';
import { guarded } from './api-errors.js';
import { electricityTokensPerKwh } from './tariff.js';
import type { WalletSummary } from '../api/wallet-schemas.js';

export interface NodeDeps {
  shell: 'electron' | 'headless';
  version: string;
  dataDir: string;
  settings: SettingsStore;
  gpu: GpuDetector;
  probeEngine: () => Promise<EngineStatus>;
  host: HostSignals;
  wallet: WalletService;
  ledger: Ledger;
  now?: () => number;
  timeZone?: () => string;
}

/**
 * The core: owns the state machine, evaluates the policy, and answers the API. The
 * parts (GPU, sandbox, wallet, ledger, network) are reached only through here.
 */
export class Node implements LumbungNode {
  readonly api: ApiImplementation;
  protected readonly hub = new EventHub();
  protected readonly notices: Notices;
  protected readonly now: () => number;
  protected readonly policy: PolicyLoop;
  protected readonly timeZone: () => string;
  protected walletSummary: WalletSummary | null = null;
  protected engine: EngineStatus | null = null;
  protected gpuReport: GpuReport | null = null;
  private lastStatusJson = '';
  private stopped = false;

  constructor(protected readonly deps: NodeDeps) {
    this.now = deps.now ?? Date.now;
    this.notices = new Notices(this.now);
    this.timeZone = deps.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    this.policy = new PolicyLoop({
      now: this.now,
      timeZone: this.timeZone,
      settings: () => this.deps.settings.get().policy,
      observe: () => this.observe(),
      onDecision: (decision, previous) => this.onDecision(decision, previous),
    });
    this.api = this.buildApi();
  }

  onEvent(listener: (event: EventName, payload: unknown) => void): () => void {
    return this.hub.on(listener);
  }

  notice(level: 'info' | 'warning' | 'error', message: Message): void {
    this.notices.add(level, message);
    this.publishStatus();
  }

  async start(): Promise<void> {
    this.deps.host.onChange(() => this.policy.poke());
    this.policy.start();
    void this.refreshEngine();
    void this.refreshWallet();
    void this.deps.gpu.report().then((report) => {
      this.gpuReport = report;
      this.hub.emit('gpu', report);
      this.publishStatus();
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.policy.stop();
    await this.deps.wallet.close();
    await this.deps.ledger.close();
  }

  protected async refreshWallet(): Promise<WalletSummary> {
    const summary = await this.deps.wallet.summary();
    this.walletSummary = summary;
    this.hub.emit('wallet', summary);
    this.publishStatus();
    return summary;
  }

  /** Runs a wallet call and tells every screen the wallet's new state. */
  protected async walletCall<T>(work: (wallet: WalletService) => Promise<T>): Promise<T> {
    try {
      return await guarded(() => work(this.deps.wallet));
    } finally {
      await this.refreshWallet().catch(() => undefined);
    }
  }

  protected async earningsSummary() {
    return this.deps.ledger.summary({
      timeZone: this.timeZone(),
      electricityPricePerKwh: electricityTokensPerKwh(this.settings()),
      now: this.now(),
    });
  }

  protected settings(): Settings {
    return this.deps.settings.get();
  }

  protected async refreshEngine(): Promise<EngineStatus> {
    this.engine = await this.deps.probeEngine();
    this.publishStatus();
    return this.engine;
  }

  /** What the policy needs to know about the machine right now. */
  protected observe(): PolicyObservations {
    const card = this.gpuReport?.gpus[0] ?? null;
    return {
      ownerIdleS: this.deps.host.idleSeconds(),
      onBattery: this.deps.host.onBattery(),
      foreignGpu: { active: false, since: null, lastSeenAt: null, programs: [] },
      runningBlockers: [],
      gpu: card
        ? {
            temperatureC: card.temperatureC,
            powerDrawW: card.power.drawW,
            defaultLimitW: card.power.defaultLimitW,
            minLimitW: card.power.minLimitW,
            maxLimitW: card.power.maxLimitW,
          }
        : null,
      energyBudgetW: null,
    };
  }

  protected onDecision(_decision: Decision, _previous: Decision | null): void {
    this.publishStatus();
  }

  protected checks(): Check[] {
    const engine = this.engine;
    const checks: Check[] = [];
    checks.push({
      id: 'engine',
      ok: engine?.found === true,
      label: msg('common:check.engine'),
      detail:
        engine === null
          ? null
          : engine.found
            ? msg('common:check.engineOk', { version: engine.version ?? '?' })
            : engine.problem,
      fix: engine && !engine.found ? (engine.fixes[0] ?? null) : null,
    });
    const wallet = this.walletSummary;
    checks.push({
      id: 'wallet',
      ok: wallet !== null && wallet.state !== 'none',
      label: msg('common:check.wallet'),
      detail:
        wallet === null
          ? null
          : wallet.address
            ? msg('common:check.walletOk', { address: wallet.address })
            : msg('common:check.walletMissing'),
      fix: wallet?.state === 'none' ? msg('common:check.walletFix') : null,
    });
    return checks;
  }

  protected currentJob(): Status['job'] {
    return null;
  }

  protected networkState(): Status['network'] {
    return {
      mode: this.settings().networkUrl ? 'remote' : 'local',
      url: this.settings().networkUrl,
      connected: false,
    };
  }

  status(): Status {
    const decision = this.policy.current();
    return deriveStatus({
      now: this.now(),
      sharing: this.settings().sharing,
      checks: this.checks(),
      policy: decision,
      job: this.currentJob(),
      network: this.networkState(),
      power: {
        budgetW: decision?.powerBudgetW ?? null,
        method: decision?.capMethodHint ?? 'none',
        methodReason: null,
      },
      notices: this.notices.all(),
      fatal: null,
    });
  }

  protected publishStatus(): void {
    const status = this.status();
    const { updatedAt: _ignored, ...comparable } = status;
    const json = JSON.stringify(comparable);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.hub.emit('status', status);
  }

  protected async setSharing(on: boolean): Promise<void> {
    this.deps.settings.update({ sharing: on });
    this.hub.emit('settings', this.settings());
    if (on && this.engine?.found !== true) await this.refreshEngine();
    this.policy.poke();
    this.publishStatus();
  }

  protected updateSettings(patch: SettingsPatch): Settings {
    let next: Settings;
    try {
      next = this.deps.settings.update(SettingsPatchSchema.parse(patch));
    } catch {
      throw new ApiFailure('badInput', msg('common:error.badInput'));
    }
    this.hub.emit('settings', next);
    this.policy.poke();
    this.publishStatus();
    return next;
  }

  protected buildApi(): ApiImplementation {
    return {
      'app.info': async () => ({
        name: 'Lumbung' as const,
        version: this.deps.version,
        shell: this.deps.shell,
        platform: `${process.platform}-${process.arch}`,
        dataDir: this.deps.dataDir,
      }),
      'status.get': async () => this.status(),
      'sharing.set': async ({ on }) => {
        await this.setSharing(on);
        return this.status();
      },
      'notices.dismiss': async ({ id }) => {
        this.notices.dismiss(id);
        this.publishStatus();
        return { ok: true as const };
      },
      'gpu.report': async () => (this.gpuReport = await this.deps.gpu.report()),
      'gpu.refresh': async () => {
        this.gpuReport = await this.deps.gpu.refresh();
        this.hub.emit('gpu', this.gpuReport);
        this.publishStatus();
        return this.gpuReport;
      },
      'engine.status': async () => this.engine ?? (await this.refreshEngine()),
      'engine.refresh': async () => this.refreshEngine(),
      'settings.get': async () => this.settings(),
      'settings.update': async (patch) => this.updateSettings(patch),
      'policy.decision': async () => this.policy.current(),

      'wallet.summary': async () => this.walletCall((w) => w.summary()),
      'wallet.create': async (req) => this.walletCall((w) => w.create(req)),
      'wallet.revealPhrase': async (req) => this.walletCall((w) => w.revealPhrase(req)),
      'wallet.backupChallenge': async () => this.walletCall((w) => w.backupChallenge()),
      'wallet.confirmBackup': async (req) => this.walletCall((w) => w.confirmBackup(req)),
      'wallet.importMnemonic': async (req) => this.walletCall((w) => w.importMnemonic(req)),
      'wallet.importPrivateKey': async (req) => this.walletCall((w) => w.importPrivateKey(req)),
      'wallet.watchOnly': async (req) => this.walletCall((w) => w.watchOnly(req)),
      'wallet.unlock': async (req) => this.walletCall((w) => w.unlock(req)),
      'wallet.lock': async () => this.walletCall((w) => w.lock()),
      'wallet.setAutoLock': async (req) => this.walletCall((w) => w.setAutoLock(req)),
      'wallet.balances': async () => guarded(() => this.deps.wallet.balances()),
      'wallet.quoteWithdraw': async (req) => guarded(() => this.deps.wallet.quoteWithdraw(req)),
      'wallet.withdraw': async (req) => this.walletCall((w) => w.withdraw(req)),
      'wallet.txStatus': async (req) => guarded(() => this.deps.wallet.txStatus(req)),

      'earnings.summary': async () => this.earningsSummary(),
      'earnings.entries': async (query) =>
        this.deps.ledger.entries({ ...query, timeZone: query.timeZone ?? this.timeZone() }),
      'earnings.csv': async ({ month }) => ({
        filename: `lumbung-earnings-${month ?? 'all'}.csv`,
        csv: await this.deps.ledger.csv({
          timeZone: this.timeZone(),
          electricityPricePerKwh: electricityTokensPerKwh(this.settings()),
          ...(month ? { month } : {}),
        }),
      }),
    };
  }
}
