import { useTranslation } from 'react-i18next';
import type { Check } from '../../src/api/status-schemas';
import { Msg } from './Msg';

// The screen where each check's fix is done, so "how to fix" can take the owner there.
const FIX_SCREEN: Readonly<Record<string, string>> = {
  wallet: 'wallet',
  engine: 'hardware',
  gpu: 'hardware',
};

/** What Lumbung needs, each with a mark, a word and, when broken, the step that fixes it. */
export function CheckList({ checks }: { checks: readonly Check[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <p className="muted">{t('ui:checks.none')}</p>;
  return (
    <ul className="checks">
      {checks.map((check) => {
        // Usable but with a step left (recovery words not confirmed): neither a plain OK nor broken.
        const look = !check.ok ? 'bad' : check.fix ? 'warn' : 'ok';
        return (
          <li key={check.id} className={`check check-${look}`}>
            <span className="check-mark" aria-hidden="true">
              {look === 'ok' ? '✓' : look === 'warn' ? '!' : '✗'}
            </span>
            <div className="check-body">
              <p className="check-label">
                <Msg m={check.label} />
                <span className="check-word">
                  {t(`ui:checks.${look === 'ok' ? 'ok' : look === 'warn' ? 'stepLeft' : 'notOk'}`)}
                </span>
              </p>
              {check.detail ? (
                <p className="check-detail">
                  <Msg m={check.detail} />
                </p>
              ) : null}
              {check.fix ? (
                <div className="fix">
                  <p>
                    <strong>{t('ui:checks.fix')}</strong> <Msg m={check.fix} />
                  </p>
                  {FIX_SCREEN[check.id] ? (
                    <a
                      className="button button-small"
                      href={`#/${FIX_SCREEN[check.id]}`}
                      data-testid={`fix-${check.id}`}
                    >
                      {t(`ui:checks.open.${FIX_SCREEN[check.id]}`)}
                    </a>
                  ) : null}
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
