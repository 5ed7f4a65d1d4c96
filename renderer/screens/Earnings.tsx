import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useCall, useEvent } from '../api/hooks';
import { Amount } from '../components/Amount';
import { ErrorNote } from '../components/ErrorNote';
import { Section } from '../components/Section';
import { ClaimCard } from '../components/earnings/ClaimCard';
import { EarningsChart } from '../components/earnings/EarningsChart';
import { HistoryTable } from '../components/earnings/HistoryTable';
import { PeriodCards } from '../components/earnings/PeriodCards';
import { downloadText } from '../lib/download';
import { recentMonths } from '../lib/ledger-view';

export function Earnings() {
  const { t } = useTranslation();
  const summary = useCall('earnings.summary');
  useEvent('earnings', (s) => summary.setData(s));
  const [month, setMonth] = useState<string>('');
  const csv = useAction('earnings.csv');
  const s = summary.data;

  const download = async () => {
    const file = await csv.run(month ? { month } : {});
    if (file) downloadText(file.filename, file.csv);
  };

  return (
    <div className="screen earnings">
      <h1 className="screen-title">{t('ui:nav.earnings')}</h1>
      {s ? (
        <>
          <PeriodCards summary={s} />
          <p className="hint">
            {t('ui:earnings.electricityNote')}{' '}
            <a href="#/settings">{t('ui:earnings.electricityLink')}</a>
          </p>
          <div className="columns">
            <Section title={t('ui:earnings.chart.title')} intro={t('ui:earnings.chart.intro')}>
              <EarningsChart days={s.perDay} />
              <p className="hint" data-testid="per-hour">
                {s.perHourEstimate !== null ? (
                  <>
                    {t('ui:earnings.perHour')} <Amount units={s.perHourEstimate} />
                  </>
                ) : (
                  t('ui:earnings.perHourNone')
                )}
              </p>
            </Section>
            <ClaimCard />
          </div>
        </>
      ) : (
        <ErrorNote error={summary.error} />
      )}
      <Section title={t('ui:earnings.history.title')} intro={t('ui:earnings.history.intro')}>
        <div className="input-row">
          <div className="field">
            <label htmlFor="month-filter">{t('ui:earnings.history.month')}</label>
            <select id="month-filter" value={month} onChange={(e) => setMonth(e.target.value)}>
              <option value="">{t('ui:earnings.history.allMonths')}</option>
              {recentMonths().map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={csv.pending}
            onClick={() => void download()}
          >
            {t('ui:earnings.csv')}
          </button>
        </div>
        <ErrorNote error={csv.error} />
        <HistoryTable month={month || undefined} />
      </Section>
    </div>
  );
}
