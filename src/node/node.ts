import { hostname } from 'node:os';
import { getAddress } from 'ethers';
import { ZodError } from 'zod';
import { ApiFailure } from '../api/envelope.js';
import type { ApiImplementation, EventName } from '../api/contract.js';
import type { GpuReport, GpuSample } from '../api/gpu-schemas.js';
import { msg, type Message } from '../api/message.js';
import type { Decision } from '../api/policy-schemas.js';
import type { ReputationFrame, VoucherFrame } from '../api/protocol-schemas.js';
import type { EngineStatus } from '../api/sandbox-schemas.js';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../api/settings-schemas.js';
import type { Check, Status } from '../api/status-schemas.js';
import type { WalletSummary } from '../api/wallet-schemas.js';
import type { GpuDetector } from '../gpu/detector.js';
import type { Ledger } from '../ledger/ledger.js';
import type { NodeIdentity } from '../network/adapter.js';
import { RECEIPT_TYPES, receiptValue } from '../network/receipt.js';
import type { HostSignals } from '../platform/host.js';
import type { Runner } from '../sandbox/runner.js';
import type { SettingsStore } from '../settings/store.js';
import type { WalletService } from '../wallet/service.js';
import { guarded } from './api-errors.js';
import { capabilitiesOf, ownerLimits } from './capabilities.js';
import { EarningLoop, type ActiveJob } from './earning-loop.js';
import { EventHub } from './event-hub.js';
import type { GpuWatch } from './gpu-watch.js';
import type { LumbungNode } from './lumbung-node.js';
import type { NetworkFactory, NetworkLink } from './network-link.js';
import { Notices } from './notices.js';
import { PolicyLoop, type PolicyObservations } from './policy-loop.js';
import type { PowerCap } from './power-cap.js';
import { deriveStatus } from './status.js';
import { runningBlockers } from '../policy/blockers.js';
import { listProcessNames } from '../platform/processes.js';
import type { JsonRpcApiProvider } from 'ethers';
import type { ClaimStatus, ReputationView } from '../api/settlement-schemas.js';
import { attachToLedger } from '../settlement/attach-voucher.js';
import { autoClaimDue } from '../settlement/auto-claim.js';
import { claim, reconcile } from '../settlement/claimer.js';
import { claimStatus } from '../settlement/claim-status.js';
import { SettlementError } from '../settlement/errors.js';
import { reputationView } from '../settlement/reputation.js';
import type { VoucherStore } from '../settlement/voucher-store.js';
import type { ChainLink } from './network-link.js';
import { createEnergyService, type EnergyService } from '../energy/energy-service.js';
import { testEnergySource } from '../energy/test-source.js';
import type { EnergySettings } from '../api/settings-schemas.js';
import { electricityTokensPerKwh } from './tariff.js';

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
  runner: Runner;
  powerCap: PowerCap;
  /** Creates the live GPU watch once an NVIDIA card with a working nvidia-smi is found. */
  gpuWatch:
    | ((hooks: { onSamples: (s: GpuSample[]) => void; onForeignChange: () => void }) => GpuWatch)
    | null;
  /** Where vouchers are kept and claims go; null when the network has no chain here. */
  settlement: { store: VoucherStore; provider: JsonRpcApiProvider; chain: ChainLink } | null;
  /** How to join a network; null = run without one (screens and settings only). */
  network: NetworkFactory | null;
  now?: () => number;
  timeZone?: () => string;
  log?: (line: string) => void;
}

/**
 * The core: owns the state machine, evaluates the policy, runs the earning loop and
 * answers the API. The parts (GPU, sandbox, wallet, ledger, network) meet only here.
 */
export class Node implements LumbungNode {
  readonly api: ApiImplementation;
  protected readonly hub = new EventHub();
  protected readonly notices: Notices;
  protected readonly now: () => number;
  protected readonly timeZone: () => string;
  protected readonly log: (line: string) => void;
  protected readonly policy: PolicyLoop;
  protected engine: EngineStatus | null = null;
  protected gpuReport: GpuReport | null = null;
  protected walletSummary: WalletSummary | null = null;
  protected link: NetworkLink | null = null;
  protected linking: Promise<void> | null = null;
  protected earning: EarningLoop | null = null;
  protected connected = false;
  protected reputation: ReputationFrame | null = null;
  private claiming: Promise<unknown> | null = null;
  protected watch: GpuWatch | null = null;
  protected energy: EnergyService | null = null;
  private processNames: string[] = [];
  private processTimer: NodeJS.Timeout | null = null;
  /** The policy (not the power cap's duty cycle) froze the current job. */
  protected pausedByPolicy = false;
  private jobIdSeen: string | null = null;
  private lastStatusJson = '';
  private lastTelemetryAt = 0;
  private stopped = false;

  constructor(protected readonly deps: NodeDeps) {
    this.now = deps.now ?? Date.now;
    this.timeZone = deps.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    this.log = deps.log ?? (() => undefined);
    this.notices = new Notices(this.now);
    this.policy = new PolicyLoop({
      now: this.now,
      timeZone: this.timeZone,
      settings: () => this.deps.settings.get().policy,
      observe: () => this.observe(),
      onDecision: (decision) => void this.applyDecision(decision),
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
    await this.recoverFromCrash();
    if (this.deps.settlement) {
      const { provider, chain, store } = this.deps.settlement;
      await reconcile({ provider, vault: chain.vault, store, ledger: this.deps.ledger }).catch(
        (e: unknown) => this.log(`claim reconcile: ${String(e)}`),
      );
    }
    this.deps.host.onChange(() => this.policy.poke());
    this.energy = createEnergyService({
      ...this.energyOptions(this.settings().energy),
      now: this.now,
      onChange: (status) => {
        this.hub.emit('energy', status);
        this.policy.poke();
      },
      onModeRequest: (mode) => {
        this.deps.settings.update({ energy: { mode: { ...this.settings().energy.mode, mode } } });
        this.hub.emit('settings', this.settings());
      },
      log: this.log,
    });
    this.policy.start();
    // Programs the owner listed (a game launcher) pause sharing; look every few seconds.
    this.processTimer = setInterval(() => {
      if (this.settings().policy.blockingPrograms.length === 0) return;
      void listProcessNames().then((names) => {
        const before = runningBlockers(
          this.processNames,
          this.settings().policy.blockingPrograms,
        ).join();
        this.processNames = names;
        if (runningBlockers(names, this.settings().policy.blockingPrograms).join() !== before)
          this.policy.poke();
      });
    }, 3000);
    this.processTimer.unref();
    await Promise.all([this.refreshEngine(), this.refreshWallet().catch(() => null)]);
    void this.deps.gpu.report().then((report) => this.onGpuReport(report));
    if (this.settings().sharing) void this.ensureNetwork();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.policy.stop();
    if (this.processTimer) clearInterval(this.processTimer);
    this.earning?.stop();
    await this.earning
      ?.job()
      ?.run.stop('shutdown')
      .catch(() => undefined);
    await this.deps.powerCap.release();
    await this.watch?.stop();
    await this.energy?.stop();
    await this.link?.stop().catch(() => undefined);
    await this.deps.wallet.close();
    await this.deps.ledger.close();
  }

  /** A crash can leave a container, a card power limit and half-recorded jobs behind. */
  private async recoverFromCrash(): Promise<void> {
    const restored = await this.deps.powerCap.recover();
    for (const watts of restored)
      this.notices.add('info', msg('common:notice.powerLimitRestored', { watts }));
    const orphans = await this.deps.runner.recoverOrphans().catch(() => [] as string[]);
    const unfinished = this.deps.ledger.unfinished();
    for (const entry of unfinished) {
      await this.deps.ledger.interrupt(entry.jobId, { gpuSeconds: 0, energyWh: null }, 0n);
    }
    const count = new Set([...orphans, ...unfinished.map((e) => e.jobId)]).size;
    if (count > 0) this.notices.add('info', msg('common:notice.jobsInterrupted', { count }));
  }

  protected settings(): Settings {
    return this.deps.settings.get();
  }

  private onGpuReport(report: GpuReport): void {
    this.gpuReport = report;
    this.hub.emit('gpu', report);
    const nvidia =
      report.tools.nvidiaSmi.state === 'ok' && report.gpus.some((g) => g.vendor === 'nvidia');
    if (nvidia && !this.watch && this.deps.gpuWatch && !this.stopped) {
      this.watch = this.deps.gpuWatch({
        onSamples: (samples) => this.onSamples(samples),
        onForeignChange: () => this.policy.poke(),
      });
      this.watch.start();
    }
    this.policy.poke();
    this.publishStatus();
  }

  private onSamples(samples: GpuSample[]): void {
    this.energy?.setLoadW(
      this.earning?.job()?.terms.kind === 'gpu' ? (samples[0]?.powerW ?? null) : null,
    );
    const now = this.now();
    if (now - this.lastTelemetryAt < 900) return;
    this.lastTelemetryAt = now;
    this.hub.emit('telemetry', samples);
    this.policy.poke();
  }

  protected async refreshEngine(): Promise<EngineStatus> {
    this.engine = await this.deps.probeEngine();
    this.publishStatus();
    return this.engine;
  }

  protected async refreshWallet(): Promise<WalletSummary> {
    const summary = await this.deps.wallet.summary();
    this.walletSummary = summary;
    this.hub.emit('wallet', summary);
    this.publishStatus();
    return summary;
  }

  /** Runs a wallet call, then tells every screen the wallet's new state. */
  protected async walletCall<T>(work: (wallet: WalletService) => Promise<T>): Promise<T> {
    try {
      return await guarded(() => work(this.deps.wallet));
    } finally {
      // A newly unlocked wallet vouches for this computer's device key once.
      if ((await this.deps.wallet.deviceBinding().catch(() => null)) === null) {
        await this.deps.wallet.bindDevice().catch(() => null);
      }
      await this.refreshWallet().catch(() => undefined);
      if (this.settings().sharing) void this.ensureNetwork();
    }
  }

  // ---- the network ------------------------------------------------------------------

  protected async ensureNetwork(): Promise<void> {
    if (this.link || this.linking || !this.deps.network || this.stopped)
      return this.linking ?? undefined;
    this.linking = this.joinNetwork().finally(() => {
      this.linking = null;
    });
    return this.linking;
  }

  private async identity(): Promise<NodeIdentity | null> {
    const device = await this.deps.wallet.deviceKey();
    const payout = await this.deps.wallet.payoutAddress();
    const binding = await this.deps.wallet.deviceBinding();
    if (!device || !payout || !binding) return null;
    return {
      deviceAddress: getAddress(device.address),
      payoutAddress: getAddress(payout),
      binding: { timestamp: binding.timestamp, signature: binding.signature },
      sign: (message) => device.signMessage(message),
      // The device key only ever vouches for its own work.
      signReceipt: async (fields, domain) => {
        if (getAddress(fields.node) !== getAddress(device.address)) {
          throw new Error('refusing to sign a usage receipt that names another node');
        }
        return device.signTypedData(domain, RECEIPT_TYPES, receiptValue(fields));
      },
    };
  }

  private async joinNetwork(): Promise<void> {
    const identity = await this.identity();
    if (!identity || !this.engine?.found) return;
    let link: NetworkLink;
    try {
      link = await this.deps.network!({
        payout: identity.payoutAddress,
        device: identity.deviceAddress,
      });
    } catch (error) {
      this.log(`network: ${error instanceof Error ? error.message : String(error)}`);
      this.notice(
        'warning',
        msg('network:connection.unreachable', { url: this.settings().networkUrl ?? 'local' }),
      );
      return;
    }
    if (this.stopped) return void (await link.stop());
    this.link = link;
    this.earning = new EarningLoop({
      adapter: link.adapter,
      ledger: this.deps.ledger,
      runner: this.deps.runner,
      now: this.now,
      limits: () => ownerLimits(this.settings(), this.gpuReport),
      pricing: () => ({
        priceFloorPerGpuHour: BigInt(this.settings().pricing.floorPerGpuHour),
        allowedKinds: this.settings().pricing.allowedKinds,
      }),
      engine: () => this.engine,
      gpuDevices: () =>
        this.gpuReport?.verdict.canShare
          ? this.gpuReport.gpus.filter((g) => g.vendor === 'nvidia' && g.uuid).map((g) => g.uuid!)
          : [],
      whyNot: () => this.whyNotNow(),
      onVoucher: (voucher) =>
        this.onVoucher(voucher, identity.deviceAddress, identity.payoutAddress),
      onReputation: (r) => {
        this.reputation = r;
      },
      onConnection: (change) => {
        this.connected = change.state === 'connected';
        this.publishStatus();
      },
      onJobChange: (job) => {
        // A new job starts unfrozen; a state change of the same job keeps who froze it.
        const id = job?.offer.job.id ?? null;
        if (id !== this.jobIdSeen) {
          this.jobIdSeen = id;
          this.pausedByPolicy = false;
          void this.applyDecision(this.policy.current());
        }
        this.publishStatus();
      },
      onEarnings: () => void this.publishEarnings(),
      log: this.log,
    });
    this.earning.start();
    const capabilities = capabilitiesOf(this.settings(), this.gpuReport, this.engine);
    link.adapter.connect(identity, capabilities).catch((error: unknown) => {
      this.log(`network connect: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.publishStatus();
  }

  private async leaveNetwork(): Promise<void> {
    const link = this.link;
    this.link = null;
    this.earning?.stop();
    await this.earning
      ?.job()
      ?.run.stop('requested')
      .catch(() => undefined);
    this.earning = null;
    this.connected = false;
    await link?.stop().catch(() => undefined);
  }

  /** null when a new job may start now; else the reason it may not. */
  protected whyNotNow(): Message | null {
    if (!this.settings().sharing) return msg('node:decline.notSharing');
    const failing = this.checks().find((c) => !c.ok && c.id !== 'network');
    if (failing) return failing.detail ?? failing.label;
    const decision = this.policy.current();
    if (!decision || !decision.run) return decision?.reasons[0] ?? msg('common:state.waiting');
    return null;
  }

  private async publishEarnings(): Promise<void> {
    this.hub.emit('earnings', await this.earningsSummary());
    const status = this.claimStatus();
    if (status) this.hub.emit('claim', status);
  }

  // ---- settlement -------------------------------------------------------------------

  /** A voucher from the network: kept if the payer really signed it, then tied to its jobs. */
  private async onVoucher(frame: VoucherFrame, device: string, payout: string): Promise<void> {
    const settlement = this.deps.settlement;
    if (!settlement) return;
    const { chain, store } = settlement;
    const result = await store.accept(frame, {
      payer: chain.payer,
      chainId: chain.chainId,
      vault: chain.vault,
      node: device,
      payout,
    });
    if (result.status === 'rejected') {
      this.log(`voucher rejected: ${result.reason.key}`);
      return;
    }
    if (result.status === 'stored') await attachToLedger(this.deps.ledger, result.voucher);
    await this.maybeAutoClaim();
  }

  protected claimStatus(): ClaimStatus | null {
    const settlement = this.deps.settlement;
    if (!settlement) return null;
    const threshold = this.settings().autoClaimAbove;
    return claimStatus(
      this.deps.ledger,
      settlement.store,
      threshold === null ? null : BigInt(threshold),
    );
  }

  private async maybeAutoClaim(): Promise<void> {
    const status = this.claimStatus();
    const settlement = this.deps.settlement;
    if (!status || !settlement || status.autoClaimAbove === null || this.claiming) return;
    const fee = await settlement.provider.getFeeData().catch(() => null);
    const due = autoClaimDue({
      claimable: BigInt(status.claimable),
      threshold: BigInt(status.autoClaimAbove),
      gasPriceWei: fee?.gasPrice ?? fee?.maxFeePerGas ?? 0n,
    });
    if (due) await this.claimNow().catch((e: unknown) => this.log(`auto-claim: ${String(e)}`));
  }

  /** One claim at a time; the store and the vault make a repeat harmless anyway. */
  protected async claimNow() {
    const settlement = this.deps.settlement;
    if (!settlement) throw new ApiFailure('unavailable', msg('settlement:claim.noChain'));
    const device = await this.deps.wallet.deviceKey();
    if (!device) throw new ApiFailure('unavailable', msg('common:check.walletMissing'));
    const work = claim({
      provider: settlement.provider,
      deviceSigner: device.transactionSigner(settlement.provider),
      vault: settlement.chain.vault,
      store: settlement.store,
      ledger: this.deps.ledger,
    });
    this.claiming = work;
    try {
      const outcome = await work;
      return {
        txHash: outcome.txHash,
        amount: outcome.amount.toString(),
        cumulative: outcome.cumulative.toString(),
      };
    } catch (error) {
      if (error instanceof SettlementError) throw new ApiFailure('failed', error.userMessage);
      throw error;
    } finally {
      this.claiming = null;
      await this.publishEarnings();
      await this.refreshWallet().catch(() => undefined);
    }
  }

  protected reputationNow(): ReputationView | null {
    return this.reputation ? reputationView(this.reputation) : null;
  }

  protected async earningsSummary() {
    return this.deps.ledger.summary({
      timeZone: this.timeZone(),
      electricityPricePerKwh: electricityTokensPerKwh(this.settings()),
      now: this.now(),
    });
  }

  // ---- policy -----------------------------------------------------------------------

  /** What the policy needs to know about the machine right now. */
  protected observe(): PolicyObservations {
    const card =
      this.gpuReport?.gpus.find((g) => g.vendor === 'nvidia') ?? this.gpuReport?.gpus[0] ?? null;
    const sample = this.watch?.samples()[0] ?? null;
    return {
      ownerIdleS: this.deps.host.idleSeconds(),
      onBattery: this.deps.host.onBattery(),
      foreignGpu: this.watch?.foreignUse() ?? {
        active: false,
        since: null,
        lastSeenAt: null,
        programs: [],
      },
      runningBlockers: runningBlockers(this.processNames, this.settings().policy.blockingPrograms),
      gpu: card
        ? {
            temperatureC: sample?.temperatureC ?? card.temperatureC,
            powerDrawW: sample?.powerW ?? card.power.drawW,
            defaultLimitW: card.power.defaultLimitW,
            minLimitW: card.power.minLimitW,
            maxLimitW: card.power.maxLimitW,
          }
        : null,
      energyBudgetW: this.energy?.budget() ?? null,
    };
  }

  /** The energy service's view of the settings: the card's lowest limit is its minimum useful power. */
  private energyOptions(energy: EnergySettings) {
    const card = this.gpuReport?.gpus.find((g) => g.vendor === 'nvidia');
    return {
      config: energy.source,
      mode: card?.power.minLimitW
        ? { ...energy.mode, minUsefulW: card.power.minLimitW }
        : energy.mode,
      community: energy.community,
      control: energy.control,
    };
  }

  /** Drives the running job from the policy: freeze, stop, resume, hold the power budget. */
  protected async applyDecision(decision: Decision | null): Promise<void> {
    const job: ActiveJob | null = this.earning?.job() ?? null;
    try {
      if (job && decision) {
        const state = job.run.state();
        if (!decision.run || !this.settings().sharing) {
          await this.deps.powerCap.release();
          if (decision.stopJob || !this.settings().sharing) {
            await job.run.stop(decision.stopJob ? 'preempted' : 'requested');
          } else if (state === 'running') {
            this.pausedByPolicy = true;
            await job.run.pause();
            this.link?.adapter.reportPause(job.offer.job.id, new Date(this.now()));
          }
        } else {
          if (state === 'paused' && this.pausedByPolicy) {
            this.pausedByPolicy = false;
            await job.run.resume();
            this.link?.adapter.reportResume(job.offer.job.id, new Date(this.now()));
          }
          if (job.terms.kind === 'gpu')
            await this.deps.powerCap.hold(job.run, 0, decision.powerBudgetW);
        }
      }
    } catch (error) {
      this.log(`policy apply: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.publishStatus();
  }

  // ---- status -----------------------------------------------------------------------

  protected checks(): Check[] {
    const engine = this.engine;
    const wallet = this.walletSummary;
    const checks: Check[] = [
      {
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
      },
      {
        id: 'wallet',
        ok: wallet !== null && wallet.state !== 'none',
        label: msg('common:check.wallet'),
        detail:
          wallet === null
            ? null
            : !wallet.address
              ? msg('common:check.walletMissing')
              : wallet.state !== 'watchOnly' && !wallet.backedUp
                ? msg('common:check.walletNotBackedUp', { address: wallet.address })
                : msg('common:check.walletOk', { address: wallet.address }),
        fix:
          wallet?.state === 'none'
            ? msg('common:check.walletFix')
            : wallet && wallet.state !== 'watchOnly' && !wallet.backedUp
              ? msg('common:check.walletBackupFix')
              : null,
      },
    ];
    if (!this.deps.network) {
      checks.push({
        id: 'network',
        ok: false,
        label: msg('common:check.network'),
        detail: msg('common:check.networkNone'),
        fix: msg('common:check.networkNoneFix'),
      });
    }
    return checks;
  }

  protected currentJob(): Status['job'] {
    const job = this.earning?.job();
    if (!job) return null;
    return {
      id: job.offer.job.id,
      kind: job.terms.kind,
      startedAt: job.startedAt,
      runningS: Math.max(0, Math.round((this.now() - job.startedAt) / 1000)),
      paused: job.run.state() === 'paused',
      pricePerGpuHour: job.terms.pricePerGpuHour.toString(),
    };
  }

  protected networkState(): Status['network'] {
    if (!this.deps.network) return { mode: 'none', url: null, connected: false };
    const url = this.settings().networkUrl;
    return {
      mode: url ? 'remote' : 'local',
      url: this.link?.url ?? url,
      connected: this.connected,
    };
  }

  status(): Status {
    const decision = this.policy.current();
    const power = this.deps.powerCap.state();
    return deriveStatus({
      now: this.now(),
      sharing: this.settings().sharing,
      checks: this.checks(),
      policy: decision,
      job: this.currentJob(),
      network: this.networkState(),
      power: { ...power, budgetW: power.budgetW ?? decision?.powerBudgetW ?? null },
      notices: this.notices.all(),
      fatal: null,
      energy:
        this.settings().energy.mode.mode === 'off'
          ? null
          : (this.energy?.status().headline ?? null),
    });
  }

  protected publishStatus(): void {
    const status = this.status();
    const { updatedAt: _ignored, ...comparable } = status;
    const json = JSON.stringify({
      ...comparable,
      job: comparable.job ? { ...comparable.job, runningS: 0 } : null,
    });
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.hub.emit('status', status);
    this.link?.adapter.heartbeat({
      state: status.state,
      jobId: status.job?.id ?? null,
      metering: { runningS: status.job?.runningS ?? 0, pausedS: 0, gpuS: 0 },
    });
  }

  protected async setSharing(on: boolean): Promise<void> {
    this.deps.settings.update({ sharing: on });
    this.hub.emit('settings', this.settings());
    if (on) {
      if (this.engine?.found !== true) await this.refreshEngine();
      void this.ensureNetwork();
    } else {
      await this.leaveNetwork();
    }
    this.policy.poke();
    this.publishStatus();
  }

  protected async updateSettings(patch: SettingsPatch): Promise<Settings> {
    const before = this.settings().networkUrl;
    let next: Settings;
    try {
      next = this.deps.settings.update(SettingsPatchSchema.parse(patch));
    } catch (error) {
      const issues =
        error instanceof ZodError
          ? error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
          : undefined;
      throw new ApiFailure('badInput', msg('common:error.badInput'), issues);
    }
    this.hub.emit('settings', next);
    if (patch.energy) await this.energy?.reconfigure(this.energyOptions(next.energy));
    if (next.networkUrl !== before && this.link) {
      await this.leaveNetwork();
      if (next.sharing) void this.ensureNetwork();
    }
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
        computerName: hostname(),
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
      'gpu.report': async () => this.gpuReport ?? (await this.deps.gpu.report()),
      'gpu.refresh': async () => {
        const report = await this.deps.gpu.refresh();
        this.onGpuReport(report);
        return report;
      },
      'engine.status': async () => this.engine ?? (await this.refreshEngine()),
      'engine.refresh': async () => this.refreshEngine(),
      'settings.get': async () => this.settings(),
      'settings.update': async (patch) => this.updateSettings(patch),
      'policy.decision': async () => this.policy.current(),
      'energy.testSource': async (config) => testEnergySource(config, { now: this.now }),
      'energy.status': async () => {
        if (!this.energy) throw new ApiFailure('unavailable', msg('common:error.unavailable'));
        return this.energy.status();
      },

      // A read: no binding attempt or network join, and one summary, not two.
      'wallet.summary': async () => guarded(() => this.refreshWallet()),
      'wallet.create': async (req) => this.walletCall((w) => w.create(req)),
      'wallet.revealPhrase': async (req) => guarded(() => this.deps.wallet.revealPhrase(req)),
      'wallet.backupChallenge': async () => guarded(() => this.deps.wallet.backupChallenge()),
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

      'wallet.stakeInfo': async () => guarded(() => this.deps.wallet.stakeInfo()),
      'wallet.stake': async (req) => this.walletCall((w) => w.stake(req)),
      'wallet.requestUnstake': async (req) => this.walletCall((w) => w.requestUnstake(req)),
      'wallet.withdrawStake': async (req) => this.walletCall((w) => w.withdrawStake(req)),

      'network.reputation': async () => this.reputationNow(),

      'earnings.summary': async () => this.earningsSummary(),
      'earnings.claimStatus': async () => {
        const status = this.claimStatus();
        if (!status) throw new ApiFailure('unavailable', msg('settlement:claim.noChain'));
        return status;
      },
      'earnings.claim': async () => guarded(() => this.claimNow()),
      'earnings.entries': async (query) =>
        this.deps.ledger.entries({ ...query, timeZone: query.timeZone ?? this.timeZone() }),
      'earnings.csv': async ({ month }) => ({
        filename: `lumbung-earnings-${month ?? 'all'}.csv`,
        csv: this.deps.ledger.csv({
          timeZone: this.timeZone(),
          electricityPricePerKwh: electricityTokensPerKwh(this.settings()),
          ...(month ? { month } : {}),
        }),
      }),
    };
  }
}
