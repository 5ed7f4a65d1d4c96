import { useTranslation } from 'react-i18next';
import { useAction, useStatus } from '../api/hooks';
import { CheckList } from '../components/CheckList';
import { EnergyHeadline } from '../components/EnergyHeadline';
import { ErrorNote } from '../components/ErrorNote';
import { JobCard } from '../components/JobCard';
import { NoticeList } from '../components/NoticeList';
import { Section } from '../components/Section';
import { StatePill } from '../components/StatePill';
import { StatusSentence } from '../components/StatusSentence';
import { Switch } from '../components/Switch';
import { TelemetryPanel } from '../components/TelemetryPanel';
import { TodayEarnings } from '../components/TodayEarnings';

export function Dashboard() {
  const { t } = useTranslation();
  const status = useStatus();
  const sharing = useAction('sharing.set');

  if (!status) return <p className="muted">{t('ui:common.loading')}</p>;
  const failing = status.checks.filter((c) => !c.ok).length;

  return (
    <div className="screen dashboard">
      <h1 className="screen-title">{t('ui:nav.dashboard')}</h1>
      <NoticeList notices={status.notices} />
      <section className="card hero">
        <div className="hero-switch">
          <Switch
            big
            checked={status.sharing}
            disabled={sharing.pending}
            stateOnly
            label={t('ui:dashboard.switchLabel')}
            onText={t('ui:dashboard.sharingOn')}
            offText={t('ui:dashboard.sharingOff')}
            onChange={(on) => void sharing.run({ on })}
          />
          <StatePill state={status.state} />
        </div>
        <ErrorNote error={sharing.error} />
        <StatusSentence status={status} />
        <EnergyHeadline />
      </section>
      <div className="columns">
        <Section
          title={t('ui:checks.title')}
          intro={failing > 0 ? t('ui:checks.introBad', { count: failing }) : t('ui:checks.introOk')}
        >
          <CheckList checks={status.checks} />
        </Section>
        <div className="stack">
          <TodayEarnings />
          <JobCard job={status.job} />
        </div>
      </div>
      <TelemetryPanel />
    </div>
  );
}
