import { useTranslation } from 'react-i18next';
import type { Balances } from '../../../src/api/wallet-schemas';
import type { Message } from '../../../src/api/message';
import { Amount } from '../Amount';
import { Section } from '../Section';
import { StateNote } from '../StateNote';

export function BalancesCard({
  balances,
  error,
  onRefresh,
  testNetwork,
}: {
  balances: Balances | undefined;
  error: Message | null;
  onRefresh: () => void;
  /** On the built-in local network the wallet holds test tokens: say so, or 100 LMB puzzles. */
  testNetwork: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('ui:wallet.balances.title')} intro={t('ui:wallet.balances.intro')}>
      {balances ? (
        <dl className="pairs">
          <dt>{t('ui:wallet.balances.token')}</dt>
          <dd>
            {balances.token !== null ? (
              <Amount
                units={balances.token}
                symbol={balances.tokenSymbol ?? 'LMB'}
                decimals={balances.decimals}
                testId="balance-token"
              />
            ) : (
              t('ui:wallet.balances.noToken')
            )}
          </dd>
          <dt>{t('ui:wallet.balances.native')}</dt>
          <dd>
            <Amount
              units={balances.native}
              symbol={t('ui:wallet.nativeSymbol')}
              currency={false}
              testId="balance-native"
            />
            <p className="hint">{t('ui:wallet.balances.nativeHint')}</p>
          </dd>
        </dl>
      ) : error ? null : (
        <p className="muted">{t('ui:common.loading')}</p>
      )}
      {balances && testNetwork ? (
        <p className="note note-info" data-testid="test-tokens">
          <span className="note-icon" aria-hidden="true">
            i
          </span>
          {t('ui:wallet.balances.testTokens')}
        </p>
      ) : null}
      <StateNote error={error} />
      <button type="button" className="button" onClick={onRefresh}>
        {t('ui:common.refresh')}
      </button>
    </Section>
  );
}
