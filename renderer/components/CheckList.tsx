import { useTranslation } from 'react-i18next';
import type { Check } from '../../src/api/status-schemas';
import { Msg } from './Msg';

/** What Lumbung needs, each with a mark, a word and, when broken, the step that fixes it. */
export function CheckList({ checks }: { checks: readonly Check[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <p className="muted">{t('ui:checks.none')}</p>;
  return (
    <ul className="checks">
      {checks.map((check) => (
        <li key={check.id} className={`check ${check.ok ? 'check-ok' : 'check-bad'}`}>
          <span className="check-mark" aria-hidden="true">
            {check.ok ? '✓' : '✗'}
          </span>
          <div className="check-body">
            <p className="check-label">
              <Msg m={check.label} />
              <span className="check-word">
                {check.ok ? t('ui:checks.ok') : t('ui:checks.notOk')}
              </span>
            </p>
            {check.detail ? (
              <p className="check-detail">
                <Msg m={check.detail} />
              </p>
            ) : null}
            {!check.ok && check.fix ? (
              <p className="fix">
                <strong>{t('ui:checks.fix')}</strong> <Msg m={check.fix} />
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
