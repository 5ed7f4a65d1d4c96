import { useTranslation } from 'react-i18next';
import type { Status } from '../../src/api/status-schemas';
import { useMessage } from '../i18n/useMessage';
import { formatMoment } from '../lib/format-time';

/** The one sentence that says what is happening and why, then the smaller print. */
export function StatusSentence({ status }: { status: Status }) {
  const { t, i18n } = useTranslation();
  const say = useMessage();
  return (
    <div className="status-sentence" aria-live="polite">
      <p className="headline" data-testid="status-headline">
        {say(status.headline)}
      </p>
      {status.reasons.length > 0 ? (
        <ul className="reasons">
          {status.reasons.map((r, i) => (
            <li key={`${r.key}-${i}`}>{say(r)}</li>
          ))}
        </ul>
      ) : null}
      {status.nextChangeAt !== null ? (
        <p className="next-change">
          {t('ui:dashboard.nextChange', { time: formatMoment(status.nextChangeAt, i18n.language) })}
        </p>
      ) : null}
    </div>
  );
}
