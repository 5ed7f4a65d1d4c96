import { z } from 'zod';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { JobKindSchema } from '../api/protocol-schemas.js';
import type { JobKind, OfferFrame } from '../api/protocol-schemas.js';
import { formatTokens } from '../api/money.js';

/**
 * Pre-admission: the owner's commercial rules, checked before the sandbox's `admit()`
 * looks at resources and security. Pure: `now` is an input.
 */
export interface PricingRules {
  /** Token base units per GPU-hour (per CPU-hour for cpu jobs). */
  priceFloorPerGpuHour: bigint;
  allowedKinds: readonly JobKind[];
}

export type OfferCheck = { accept: true } | { accept: false; reason: Message };

const PriceSchema = z.string().regex(/^(0|[1-9][0-9]{0,77})$/);

export function checkOffer(offer: OfferFrame, rules: PricingRules, now: Date): OfferCheck {
  const expiresAt = Date.parse(offer.expiresAt);
  if (!Number.isFinite(expiresAt) || expiresAt <= now.getTime()) {
    return { accept: false, reason: msg('network:decline.expired') };
  }
  const kind = JobKindSchema.safeParse(offer.job.kind);
  if (!kind.success) {
    return { accept: false, reason: msg('network:decline.malformed', { detail: 'kind' }) };
  }
  if (!rules.allowedKinds.includes(kind.data)) {
    return { accept: false, reason: msg('network:decline.kindNotAllowed', { kind: kind.data }) };
  }
  const price = PriceSchema.safeParse(offer.job.pricePerGpuHour);
  if (!price.success) {
    return {
      accept: false,
      reason: msg('network:decline.malformed', { detail: 'pricePerGpuHour' }),
    };
  }
  const offered = BigInt(price.data);
  if (offered < rules.priceFloorPerGpuHour) {
    return {
      accept: false,
      reason: msg('network:decline.priceBelowFloor', {
        offered: formatTokens(offered),
        floor: formatTokens(rules.priceFloorPerGpuHour),
      }),
    };
  }
  return { accept: true };
}
