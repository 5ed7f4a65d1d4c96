import { useTranslation } from 'react-i18next';
import { useCall, useEvent } from '../api/hooks';
import { Msg } from './Msg';

/** The energy sentence on the Dashboard, only while an energy mode is on. */
export function EnergyHeadline() {
  const { t } = useTranslation();
  const status = useCall('energy.status');
  useEvent('energy', (s) => status.setData(s));
  const s = status.data;
  if (!s || s.mode === 'off') return null;
  const trouble = s.reading !== null && !s.reading.ok;
  return (
    <p
      className={`note ${trouble ? 'note-warn' : 'note-info'} energy-headline`}
      data-testid="dashboard-energy"
    >
      <span className="note-icon" aria-hidden="true">
        ☀
      </span>
      <span>
        <Msg m={s.headline} /> <a href="#/energy">{t('ui:dashboard.energyMore')}</a>
      </span>
    </p>
  );
}
