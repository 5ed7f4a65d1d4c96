import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { ErrorNote } from '../ErrorNote';
import { Msg } from '../Msg';
import { Section } from '../Section';
import { formatHours } from '../../lib/number-format';

/** The network's trust score for this computer and, in words, what moves it. */
export function ReputationCard() {
  const { t, i18n } = useTranslation();
  const rep = useCall('network.reputation');
  const view = rep.data;
  return (
    <Section title={t('ui:reputation.title')} intro={t('ui:reputation.intro')}>
      {view ? (
        <>
          <p className="big-number" data-testid="reputation-score">
            {t('ui:reputation.score', { score: Math.round(view.score) })}
          </p>
          <dl className="pairs">
            <dt>{t('ui:reputation.committedHours')}</dt>
            <dd>{formatHours(view.committedHours, i18n.language)}</dd>
            <dt>{t('ui:reputation.missed')}</dt>
            <dd>{view.missedHeartbeats}</dd>
            <dt>{t('ui:reputation.slashes')}</dt>
            <dd>{view.slashes}</dd>
          </dl>
          {view.explanation.length > 0 ? (
            <ul className="plain-list">
              {view.explanation.map((m, i) => (
                <li key={i}>
                  <Msg m={m} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : rep.loading ? (
        <p className="muted">{t('ui:common.loading')}</p>
      ) : (
        <p className="muted">{t('ui:reputation.none')}</p>
      )}
      <p className="hint">{t('ui:reputation.lowers')}</p>
      <ErrorNote error={rep.error} />
    </Section>
  );
}
