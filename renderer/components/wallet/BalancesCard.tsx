import { useTranslation } from 'react-i18next';
import type { Balances } from '../../../src/api/wallet-schemas';
import type { Message } from '../../../src/api/message';
import { Amount } from '../Amount';
import { ErrorNote } from '../ErrorNote';
import { Section } from '../Section';

export function BalancesCard({
  balances,
  error,
  onRefresh,
}: {
  balances: Balances | undefined;
  error: Message | null;
  onRefresh: () => void;
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
      <ErrorNote error={error} />
      <button type="button" className="button" onClick={onRefresh}>
        {t('ui:common.refresh')}
      </button>
    </Section>
  );
}
