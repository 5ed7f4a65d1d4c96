import { formatTokens, parseTokens } from '../api/money.js';
import type { Settings } from '../api/settings-schemas.js';

/**
 * The owner states electricity in their currency per kWh and what a token is worth;
 * the ledger nets earnings in tokens, so convert exactly (bigint, rounded up so the
 * net is never overstated).
 */
export function electricityTokensPerKwh(
  settings: Pick<Settings, 'electricityPricePerKwh' | 'currency'>,
): string {
  const price = parseTokens(settings.electricityPricePerKwh);
  const perToken = parseTokens(settings.currency.perToken);
  if (perToken === 0n) return '0';
  const scale = 10n ** 18n;
  const units = (price * scale + perToken - 1n) / perToken;
  return formatTokens(units.toString(), 18);
}
