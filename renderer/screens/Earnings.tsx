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
import { localeOf } from '../lib/format-time';
import { useMonthsWithJobs } from '../lib/useMonthsWithJobs';

/** "2024-11" as "November 2024" in the owner's language. */
function monthName(month: string, language: string): string {
  const [year, index] = month.split('-').map(Number);
  if (!year || !index) return month;
  return new Date(year, index - 1, 1).toLocaleDateString(localeOf(language), {
    month: 'long',
    year: 'numeric',
  });
}

export function Earnings() {
  const { t, i18n } = useTranslation();
  const summary = useCall('earnings.summary');
  useEvent('earnings', (s) => summary.setData(s));
  const [month, setMonth] = useState<string>('');
  const csv = useAction('earnings.csv');
  const months = useMonthsWithJobs();
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
            <a className="text-link" href="#/settings">
              {t('ui:earnings.electricityLink')}
            </a>
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
        <div className="input-row filter-row">
          <div className="field">
            <label htmlFor="month-filter">{t('ui:earnings.history.month')}</label>
            <select id="month-filter" value={month} onChange={(e) => setMonth(e.target.value)}>
              <option value="">{t('ui:earnings.history.allMonths')}</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthName(m, i18n.language)}
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
