import { useTranslation } from 'react-i18next';
import { useCall, useEvent, useSettings } from '../api/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { Section } from '../components/Section';
import { EnergyLive } from '../components/energy/EnergyLive';
import { ModeEditor } from '../components/energy/ModeEditor';
import { SourceEditor } from '../components/energy/SourceEditor';

/** Spare (solar) power: where it is read, how the GPU follows it, and what happens now. */
export function Energy() {
  const { t } = useTranslation();
  const { settings, trySave } = useSettings();
  const status = useCall('energy.status');
  useEvent('energy', (s) => status.setData(s));
  if (!settings) return <p className="muted">{t('ui:common.loading')}</p>;
  const energy = settings.energy;
  const refresh = async <T,>(failure: T) => {
    status.reload();
    return failure;
  };

  return (
    <div className="screen energy">
      <h1 className="screen-title">{t('ui:nav.energy')}</h1>
      <Section title={t('ui:energy.live.title')} intro={t('ui:energy.live.intro')}>
        {status.data ? <EnergyLive status={status.data} /> : <ErrorNote error={status.error} />}
      </Section>
      <div className="columns">
        <Section title={t('ui:energy.source.title')} intro={t('ui:energy.source.intro')}>
          <SourceEditor
            source={energy.source}
            onSave={async (source) => refresh(await trySave({ energy: { source } }))}
          />
        </Section>
        <Section title={t('ui:energy.mode.title')} intro={t('ui:energy.mode.intro')}>
          <ModeEditor
            mode={energy.mode}
            currency={settings.currency.code}
            onSave={async (mode) => refresh(await trySave({ energy: { mode } }))}
          />
        </Section>
      </div>
    </div>
  );
}
