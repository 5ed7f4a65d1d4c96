import { msg, type Message } from '../api/message.js';
import type { OfferFrame, ReputationFrame, VoucherFrame } from '../api/protocol-schemas.js';
import type { EngineStatus, JobResult, OwnerLimits } from '../api/sandbox-schemas.js';
import type { Ledger } from '../ledger/ledger.js';
import type { ConnectionChange, NetworkAdapter } from '../network/adapter.js';
import { checkOffer, type PricingRules } from '../network/offer-check.js';
import { amountFor, billingTermsOf, type BillingTerms } from '../network/pricing.js';
import { hashReceipt, receiptDomain } from '../network/receipt.js';
import { admit } from '../sandbox/admission.js';
import type { RunningJob } from '../sandbox/job-run.js';
import type { Runner } from '../sandbox/runner.js';
import { collectOutputs } from './job-outputs.js';

export interface ActiveJob {
  offer: OfferFrame;
  terms: BillingTerms;
  run: RunningJob;
  startedAt: number;
}

export interface EarningLoopDeps {
  adapter: NetworkAdapter;
  ledger: Ledger;
  runner: Runner;
  now: () => number;
  limits: () => OwnerLimits;
  pricing: () => PricingRules;
  engine: () => EngineStatus | null;
  /** UUIDs of the cards the owner shares, in order; a GPU job gets the first it needs. */
  gpuDevices: () => string[];
  /** null = may start now; else why not (the policy's headline, or sharing off). */
  whyNot: () => Message | null;
  /** Where earnings vouchers go so they can be claimed later. */
  onVoucher: (voucher: VoucherFrame) => Promise<void>;
  onReputation: (reputation: ReputationFrame) => void;
  onConnection: (change: ConnectionChange) => void;
  /** A job started, changed state or ended; the node republishes its status. */
  onJobChange: (job: ActiveJob | null) => void;
  /** Earnings moved (credit, completion): the node republishes the summary. */
  onEarnings: () => void;
  log: (line: string) => void;
}

/**
 * Offers in, earnings out: every offer passes the owner's price rules, the policy and
 * the sandbox's admission before it is accepted; every accepted job ends in the ledger
 * and in a report to the network, whatever happens to it.
 */
export class EarningLoop {
  private current: ActiveJob | null = null;
  /** Taken before the first await so two offers can never both start. */
  private slotTaken = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: EarningLoopDeps) {}

  start(): void {
    const { adapter } = this.deps;
    this.unsubscribe.push(
      adapter.on(
        'offer',
        (offer) => void this.onOffer(offer).catch((e: unknown) => this.fail('offer', e)),
      ),
      adapter.on(
        'credit',
        (credit) =>
          void this.deps.ledger
            .credit(credit.jobId, credit.verified ? BigInt(credit.amount) : 0n, null)
            .then(() => this.deps.onEarnings())
            .catch((e: unknown) => this.fail('credit', e)),
      ),
      adapter.on(
        'voucher',
        (voucher) =>
          void this.deps
            .onVoucher(voucher)
            .then(() => this.deps.onEarnings())
            .catch((e: unknown) => this.fail('voucher', e)),
      ),
      adapter.on('reputation', (r) => this.deps.onReputation(r)),
      adapter.on('connection', (c) => this.deps.onConnection(c)),
    );
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  job(): ActiveJob | null {
    return this.current;
  }

  private fail(what: string, error: unknown): void {
    this.deps.log(
      `earning loop (${what}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  /**
   * Turns an offer down and keeps it in the ledger with its reason, so the owner can see
   * why a job went elsewhere. Offers too malformed to name a kind and price are only
   * answered, not recorded.
   */
  private async decline(offer: OfferFrame, reason: Message): Promise<void> {
    this.deps.adapter.decline(offer.job.id, reason);
    const terms = billingTermsOf(offer);
    if (!terms || this.deps.ledger.entry(offer.job.id)) return;
    await this.deps.ledger.offer(offer.job.id, terms.kind, terms.pricePerGpuHour);
    await this.deps.ledger.decline(offer.job.id, reason);
    this.deps.onEarnings();
  }

  async onOffer(offer: OfferFrame): Promise<void> {
    if (this.slotTaken) return this.decline(offer, msg('node:decline.busy'));
    const whyNot = this.deps.whyNot();
    if (whyNot) return this.decline(offer, msg('node:decline.notNow', { why: whyNot.key }));
    const check = checkOffer(offer, this.deps.pricing(), new Date(this.deps.now()));
    if (!check.accept) return this.decline(offer, check.reason);
    const terms = billingTermsOf(offer);
    if (!terms) return this.decline(offer, msg('network:decline.malformed', { detail: 'price' }));
    const engine = this.deps.engine();
    if (!engine) return this.decline(offer, msg('node:decline.busy'));
    const admission = admit(offer.job, this.deps.limits(), engine);
    if (!admission.ok) return this.decline(offer, admission.reason);
    const granted = this.deps.gpuDevices().slice(0, admission.spec.resources.gpus);
    if (granted.length < admission.spec.resources.gpus) {
      return this.decline(offer, msg('node:decline.noGpuFree'));
    }

    this.slotTaken = true;
    try {
      const { ledger } = this.deps;
      await ledger.offer(offer.job.id, terms.kind, terms.pricePerGpuHour);
      this.deps.adapter.accept(offer.job.id);
      await ledger.start(offer.job.id);
      const run = this.deps.runner.run(
        admission.spec,
        { onState: () => this.deps.onJobChange(this.current) },
        { gpuDeviceIds: granted },
      );
      this.current = { offer, terms, run, startedAt: this.deps.now() };
      this.deps.onJobChange(this.current);
      let result: JobResult | null = null;
      try {
        result = await run.done;
      } catch (error) {
        this.fail('run', error);
      }
      await this.finish(offer, terms, run, result);
    } finally {
      this.current = null;
      this.slotTaken = false;
      this.deps.onJobChange(null);
      this.deps.onEarnings();
    }
  }

  private async finish(
    offer: OfferFrame,
    terms: BillingTerms,
    run: RunningJob,
    result: JobResult | null,
  ) {
    const { ledger, adapter } = this.deps;
    const jobId = offer.job.id;
    const metering = result?.metering ?? {
      runningS: 0,
      pausedS: 0,
      cpuS: 0,
      gpuS: 0,
      energyWh: null,
      peakMemoryMiB: null,
    };
    const protocolMetering = {
      runningS: metering.runningS,
      pausedS: metering.pausedS,
      gpuS: metering.gpuS,
    };
    if (result && result.outcome === 'succeeded') {
      const amount = amountFor(terms, protocolMetering);
      await ledger.complete(
        jobId,
        { gpuSeconds: Math.floor(metering.gpuS || metering.runningS), energyWh: metering.energyWh },
        amount,
      );
      const sent = await adapter.complete({
        jobId,
        resultsSha256: result.resultsSha256,
        metering: protocolMetering,
        energyWh: metering.energyWh,
        outputs: await collectOutputs(run.resultsDir),
        terms,
      });
      if (sent) {
        const { signature, ...fields } = sent.receipt;
        await ledger.report(jobId, {
          hash: hashReceipt(receiptDomain(sent.chainId, sent.vault), fields),
          signature,
        });
      }
    } else {
      const outcome = result?.outcome ?? 'failed';
      await ledger.fail(jobId, msg('node:job.failed', { outcome }), {
        gpuSeconds: Math.floor(metering.gpuS),
        energyWh: metering.energyWh,
      });
      await adapter.fail({ jobId, outcome, detail: outcome });
    }
    await this.deps.runner.discardJobFiles(jobId).catch(() => undefined);
  }
}
