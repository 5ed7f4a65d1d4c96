import { useTranslation } from 'react-i18next';
import type { EnergyStatus } from '../../../src/api/energy-schemas';
import { formatMoment } from '../../lib/format-time';
import { Msg } from '../Msg';
import { EnergyChart } from './EnergyChart';

/** The surplus now, the budget the policy gets and the last hour. */
export function EnergyLive({ status }: { status: EnergyStatus }) {
  const { t, i18n } = useTranslation();
  const reading = status.reading;
  return (
    <div className="energy-live">
      <p className="status-sentence" data-testid="energy-headline" aria-live="polite">
        <Msg m={status.headline} />
      </p>
      {reading && !reading.ok && reading.problem ? (
        <p className="note note-warn" data-testid="energy-problem">
          <Msg m={reading.problem} /> {t('ui:energy.live.problemExplain')}
        </p>
      ) : null}
      <dl className="pairs">
        <dt>{t('ui:energy.live.surplus')}</dt>
        <dd>
          {reading?.surplusW != null
            ? t('ui:gauges.watts', { watts: Math.round(reading.surplusW) })
            : t('ui:gauges.unknown')}
          {reading ? (
            <span className="muted"> · {formatMoment(reading.at, i18n.language)}</span>
          ) : null}
        </dd>
        <dt>{t('ui:energy.live.budget')}</dt>
        <dd>
          {status.budgetW === null
            ? t('ui:energy.live.noBudget')
            : t('ui:gauges.watts', { watts: Math.round(status.budgetW) })}
        </dd>
        {reading?.pricePerKwh ? (
          <>
            <dt>{t('ui:energy.live.price')}</dt>
            <dd>{reading.pricePerKwh}</dd>
          </>
        ) : null}
        {status.maxPowerW !== null ? (
          <>
            <dt>{t('ui:energy.live.maxPower')}</dt>
            <dd>{t('ui:gauges.watts', { watts: Math.round(status.maxPowerW) })}</dd>
          </>
        ) : null}
        {status.nextChangeAt !== null ? (
          <>
            <dt>{t('ui:energy.live.next')}</dt>
            <dd>{formatMoment(status.nextChangeAt, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      <EnergyChart history={status.history} />
    </div>
  );
}
