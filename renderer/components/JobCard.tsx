import { useTranslation } from 'react-i18next';
import { formatTokens } from '../../src/api/money';
import type { CurrentJob } from '../../src/api/status-schemas';
import { formatDuration } from '../lib/format-time';
import { Section } from './Section';

function safeTokens(amount: string): string {
  try {
    return formatTokens(amount, 18, 4);
  } catch {
    return '?';
  }
}

/** The job in progress, or a calm line saying there is none. */
export function JobCard({ job }: { job: CurrentJob | null }) {
  const { t } = useTranslation();
  if (!job) {
    return (
      <Section title={t('ui:job.title')} className="job">
        <p className="muted">{t('ui:job.none')}</p>
      </Section>
    );
  }
  const { h, m } = formatDuration(job.runningS);
  return (
    <Section title={t('ui:job.title')} className="job">
      <dl className="facts">
        <div>
          <dt>{t('ui:job.kind')}</dt>
          <dd>{t(`ui:job.kinds.${job.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('ui:job.running')}</dt>
          <dd>{t('ui:job.duration', { h, m })}</dd>
        </div>
        <div>
          <dt>{t('ui:job.price')}</dt>
          <dd>{t('ui:job.pricePerHour', { amount: safeTokens(job.pricePerGpuHour) })}</dd>
        </div>
        <div>
          <dt>{t('ui:job.state')}</dt>
          <dd>{job.paused ? t('ui:job.paused') : t('ui:job.working')}</dd>
        </div>
      </dl>
    </Section>
  );
}
