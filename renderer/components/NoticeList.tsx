import { useTranslation } from 'react-i18next';
import type { Notice } from '../../src/api/status-schemas';
import { useAction } from '../api/hooks';
import { ErrorNote } from './ErrorNote';
import { Msg } from './Msg';

const LEVEL_ICON: Record<Notice['level'], string> = { info: 'i', warning: '!', error: '✗' };

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const dismiss = useAction('notices.dismiss');
  return (
    <li className={`notice notice-${notice.level}`}>
      <span className="notice-icon" aria-hidden="true">
        {LEVEL_ICON[notice.level]}
      </span>
      <div className="notice-body">
        <p>
          <span className="visually-hidden">{t(`ui:notices.level.${notice.level}`)}: </span>
          <Msg m={notice.message} />
        </p>
        <ErrorNote error={dismiss.error} />
      </div>
      <button
        type="button"
        className="button button-quiet"
        disabled={dismiss.pending}
        onClick={() => void dismiss.run({ id: notice.id })}
      >
        {t('ui:notices.dismiss')}
      </button>
    </li>
  );
}

export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}
