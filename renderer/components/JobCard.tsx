import { useTranslation } from 'react-i18next';
import type { CurrentJob } from '../../src/api/status-schemas';
import { useDuration } from '../i18n/useDuration';
import { showTokenAmount } from '../lib/money-view';
import { Section } from './Section';

// Exactly one whole token reads "1 token"; anything else (0.5, 2) is plural in English.
const ONE_TOKEN = 10n ** 18n;
function isOneToken(amount: string): boolean {
  try {
    return BigInt(amount) === ONE_TOKEN;
  } catch {
    return false;
  }
}

/** The job in progress, or a calm line saying there is none. */
export function JobCard({ job }: { job: CurrentJob | null }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  if (!job) {
    return (
      <Section title={t('ui:job.title')} className="job">
        <p className="muted">{t('ui:job.none')}</p>
      </Section>
    );
  }
  return (
    <Section title={t('ui:job.title')} className="job">
      <dl className="facts">
        <div>
          <dt>{t('ui:job.kind')}</dt>
          <dd>{t(`ui:job.kinds.${job.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('ui:job.running')}</dt>
          <dd>{duration(job.runningS, false)}</dd>
        </div>
        <div>
          <dt>{t('ui:job.price')}</dt>
          <dd>
            {t('ui:job.pricePerHour', {
              amount: showTokenAmount(job.pricePerGpuHour, 18, i18n.language, 4),
              count: isOneToken(job.pricePerGpuHour) ? 1 : 2,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('ui:job.state')}</dt>
          <dd>{job.paused ? t('ui:job.paused') : t('ui:job.working')}</dd>
        </div>
      </dl>
    </Section>
  );
}
