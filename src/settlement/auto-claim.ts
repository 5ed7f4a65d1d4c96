/**
 * When to claim without asking. A claim costs gas in the chain's native coin; claiming
 * tiny amounts often would give much of the earnings to the network. So the rule is:
 *
 *   claim automatically when the owner turned auto-claim on (threshold set), the
 *   claimable amount is at least the threshold, and the gas a claim costs is at most
 *   `maxGasShareBps` (default 5 %) of what it collects.
 *
 * The gas share needs a price (native wei per whole token). Where there is none (the
 * local network, whose coins are play money), only the threshold applies: the owner set
 * it knowingly. Pure: no clock, no I/O, bigint only.
 */

/** A generous bound on a claim's gas; the real claim uses ~80k. */
export const CLAIM_GAS_LIMIT = 120_000n;
/** 500 basis points = 5 %. */
export const MAX_GAS_SHARE_BPS = 500n;
const ONE_TOKEN = 10n ** 18n;

export interface AutoClaimInput {
  /** Token base units a claim would collect now. */
  claimable: bigint;
  /** The owner's threshold in base units; null = auto-claim off. */
  threshold: bigint | null;
  gasPriceWei: bigint;
  gasLimit?: bigint;
  /** Native wei one whole token is worth; null when unknown. */
  nativeWeiPerToken?: bigint | null;
  maxGasShareBps?: bigint;
}

export function autoClaimDue(input: AutoClaimInput): boolean {
  const { claimable, threshold } = input;
  if (threshold === null || claimable <= 0n || claimable < threshold) return false;
  const price = input.nativeWeiPerToken ?? null;
  if (price === null) return true;
  const gasCostWei = input.gasPriceWei * (input.gasLimit ?? CLAIM_GAS_LIMIT);
  const bps = input.maxGasShareBps ?? MAX_GAS_SHARE_BPS;
  // gasCost ≤ bps/10000 × value, value = claimable × price / 10^18; kept exact by multiplying out.
  return gasCostWei * 10_000n * ONE_TOKEN <= claimable * price * bps;
}
