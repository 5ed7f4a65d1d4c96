import { useTranslation } from 'react-i18next';
import { useCall, useEvent } from '../api/hooks';
import { Amount } from './Amount';
import { ErrorNote } from './ErrorNote';
import { Section } from './Section';

/** Today's money on the Dashboard: earned, electricity, what is left; live. */
export function TodayEarnings() {
  const { t } = useTranslation();
  const summary = useCall('earnings.summary');
  useEvent('earnings', (s) => summary.setData(s));
  const today = summary.data?.today;
  return (
    <Section title={t('ui:dashboard.today.title')} className="today-earnings">
      {today ? (
        <>
          <p className="big-number">
            <Amount units={today.earned} testId="today-earned" />
          </p>
          <dl className="pairs">
            <dt>{t('ui:earnings.electricity')}</dt>
            <dd>
              <Amount units={today.electricityCost} />
            </dd>
            <dt>{t('ui:earnings.net')}</dt>
            <dd>
              <Amount units={today.net} />
            </dd>
          </dl>
          <a className="more-link" href="#/earnings">
            {t('ui:dashboard.today.more')}
          </a>
        </>
      ) : (
        <ErrorNote error={summary.error} />
      )}
    </Section>
  );
}
