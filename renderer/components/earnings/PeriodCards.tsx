import { useTranslation } from 'react-i18next';
import type { EarningsSummary } from '../../../src/api/ledger-schemas';
import { Amount } from '../Amount';

const PERIODS = ['today', 'week', 'month', 'allTime'] as const;

/** Earned, electricity and what is left, for today, this week, this month and ever. */
export function PeriodCards({ summary }: { summary: EarningsSummary }) {
  const { t } = useTranslation();
  return (
    <div className="period-cards">
      {PERIODS.map((p) => {
        const totals = summary[p];
        return (
          <section className="card period-card" key={p} data-testid={`period-${p}`}>
            <h2 className="card-title">{t(`ui:earnings.period.${p}`)}</h2>
            <dl className="pairs pairs-stacked">
              <dt>{t('ui:earnings.earned')}</dt>
              <dd>
                <Amount units={totals.earned} testId={`earned-${p}`} />
              </dd>
              <dt>{t('ui:earnings.electricity')}</dt>
              <dd>
                <Amount units={totals.electricityCost} />
              </dd>
              <dt>{t('ui:earnings.net')}</dt>
              <dd className={totals.net.startsWith('-') ? 'negative' : ''}>
                <Amount units={totals.net} />
              </dd>
            </dl>
          </section>
        );
      })}
    </div>
  );
}
