import { z } from 'zod';
import { JobKindSchema } from '../api/protocol-schemas.js';
import type { JobKind, OfferFrame, ProtocolMetering } from '../api/protocol-schemas.js';

/**
 * What a job earns, in one place so the node's receipt and the coordinator's credit
 * agree to the base unit. GPU jobs bill GPU-seconds (running seconds × GPUs); CPU jobs
 * bill running seconds at the same per-hour price ("per CPU-hour" of the job's CPU
 * allotment). Billable time is capped at what the offer allowed, whole seconds only.
 */
export interface BillingTerms {
  kind: JobKind;
  /** Token base units per GPU-hour (per CPU-hour for cpu jobs). */
  pricePerGpuHour: bigint;
  maxDurationS: number;
  gpus: number;
}

export function billableSeconds(terms: BillingTerms, metering: ProtocolMetering): bigint {
  if (terms.kind === 'gpu') {
    const cap = BigInt(terms.maxDurationS) * BigInt(Math.max(terms.gpus, 1));
    return min(BigInt(Math.floor(metering.gpuS)), cap);
  }
  return min(BigInt(Math.floor(metering.runningS)), BigInt(terms.maxDurationS));
}

/** price × seconds / 3600, rounded down: the node is never credited more than it earned. */
export function amountFor(terms: BillingTerms, metering: ProtocolMetering): bigint {
  return (terms.pricePerGpuHour * billableSeconds(terms, metering)) / 3600n;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

const TermsSchema = z.object({
  kind: JobKindSchema,
  pricePerGpuHour: z.string().regex(/^(0|[1-9][0-9]{0,77})$/),
  maxDurationS: z.number().int().min(1),
  resources: z.object({ gpus: z.number().int().min(0) }),
});

/** The price terms of an offer, or null when the offer does not state them properly. */
export function billingTermsOf(offer: OfferFrame): BillingTerms | null {
  const parsed = TermsSchema.safeParse(offer.job);
  if (!parsed.success) return null;
  return {
    kind: parsed.data.kind,
    pricePerGpuHour: BigInt(parsed.data.pricePerGpuHour),
    maxDurationS: parsed.data.maxDurationS,
    gpus: parsed.data.resources.gpus,
  };
}
