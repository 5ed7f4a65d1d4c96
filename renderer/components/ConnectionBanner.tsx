import { useTranslation } from 'react-i18next';
import { useApiContext } from '../api/hooks';

/** Shown while the link to the core is down; calls made meanwhile wait for it to return. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { connection } = useApiContext();
  if (connection !== 'down') return null;
  return (
    <div className="banner banner-warn" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('ui:connection.reconnecting')}
    </div>
  );
}
