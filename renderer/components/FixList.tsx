import { useTranslation } from 'react-i18next';
import type { Message } from '../../src/api/message';
import { Msg } from './Msg';

/** Numbered steps that fix a problem, in the order to do them. */
export function FixList({ fixes }: { fixes: readonly Message[] }) {
  const { t } = useTranslation();
  if (fixes.length === 0) return null;
  return (
    <div className="fixes">
      <p className="fixes-title">{t('ui:checks.howToFix')}</p>
      <ol>
        {fixes.map((fix) => (
          <li key={fix.key + JSON.stringify(fix.values ?? {})}>
            <Msg m={fix} />
          </li>
        ))}
      </ol>
    </div>
  );
}
