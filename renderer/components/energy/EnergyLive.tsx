import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EnergyStatus } from '../../../src/api/energy-schemas';
import { formatMoment } from '../../lib/format-time';
import { Msg } from '../Msg';

/** The surplus now, the budget the policy gets, the last 15 minutes and the community. */
export function EnergyLive({ status }: { status: EnergyStatus }) {
  const { t, i18n } = useTranslation();
  const reading = status.reading;
  const data = status.history.map((p) => ({
    at: new Date(p.at).toLocaleTimeString(i18n.language === 'id' ? 'id-ID' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    }),
    surplus: p.surplusW,
    budget: p.budgetW,
  }));
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
      {data.length > 1 ? (
        <div className="chart" role="img" aria-label={t('ui:energy.live.chart')}>
          <ResponsiveContainer width="100%" height={180}>
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <XAxis dataKey="at" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11 }} width={48} unit=" W" />
              <Tooltip />
              <Line
                type="stepAfter"
                dataKey="surplus"
                name={t('ui:energy.live.surplus')}
                stroke="#c9822b"
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
              <Line
                type="stepAfter"
                dataKey="budget"
                name={t('ui:energy.live.budget')}
                stroke="#2f7d4f"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="muted">{t('ui:energy.live.noHistory')}</p>
      )}
      {status.community ? (
        <div className="community" data-testid="community">
          <h3 className="subheading">{t('ui:energy.community.title')}</h3>
          <p>
            {t('ui:energy.community.share', {
              members: status.community.members,
              share: Math.round(status.community.myShareW),
              total:
                status.community.totalSurplusW === null
                  ? '?'
                  : Math.round(status.community.totalSurplusW),
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
