import { useTranslation } from 'react-i18next';
import { useApiContext } from '../api/hooks';
import { showTokenAmount, toCurrency } from '../lib/money-view';

/**
 * An amount in tokens and in the owner's currency. The exact base units ride along in
 * `data-base-units` so tests (and screen readers' copy) can compare without rounding.
 */
export function Amount({
  units,
  symbol = 'LMB',
  decimals = 18,
  currency = true,
  className,
  testId,
}: {
  units: string;
  symbol?: string;
  decimals?: number;
  /** false for coins that have no rate in the settings (e.g. the gas coin). */
  currency?: boolean;
  className?: string;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const { settings } = useApiContext();
  const inCurrency =
    currency && settings && decimals === 18
      ? toCurrency(units, settings.currency.perToken, settings.currency.code, i18n.language)
      : null;
  return (
    <span className={`amount ${className ?? ''}`} data-base-units={units} data-testid={testId}>
      <span className="amount-tokens">
        {showTokenAmount(units, decimals, i18n.language)} {symbol}
      </span>
      {inCurrency ? <span className="amount-currency">≈ {inCurrency}</span> : null}
    </span>
  );
}
