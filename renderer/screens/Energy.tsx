import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityConfig, ControllableLoadConfig } from '../../src/api/energy-schemas';
import type { SettingsPatch } from '../../src/api/settings-schemas';
import { useCall, useEvent, useSettings } from '../api/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { Section } from '../components/Section';
import { CommunityEditor } from '../components/energy/CommunityEditor';
import { CommunityShares } from '../components/energy/CommunityShares';
import { ControlEditor } from '../components/energy/ControlEditor';
import { EnergyLive } from '../components/energy/EnergyLive';
import { ModeEditor } from '../components/energy/ModeEditor';
import { SourceEditor } from '../components/energy/SourceEditor';

const CHART_REFRESH_MS = 10_000;

/**
 * Spare (solar) power: where it is read, how the GPU follows it, the community it is shared
 * with, who else may steer it, and what happens now.
 */
export function Energy() {
  const { t } = useTranslation();
  const { settings, trySaveDetailed } = useSettings();
  const status = useCall('energy.status');
  useEvent('energy', (s) => status.setData(s));
  // The core sends 'energy' only when something besides the chart changed (a steady
  // community share sends nothing), so the chart is read again now and then.
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(reload, CHART_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (!settings) return <p className="muted">{t('ui:common.loading')}</p>;
  const energy = settings.energy;
  const save = async (patch: SettingsPatch) => {
    const failure = await trySaveDetailed(patch);
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
          <SourceEditor source={energy.source} onSave={(source) => save({ energy: { source } })} />
        </Section>
        <Section title={t('ui:energy.mode.title')} intro={t('ui:energy.mode.intro')}>
          <ModeEditor
            mode={energy.mode}
            currency={settings.currency.code}
            onSave={(mode) => save({ energy: { mode } })}
          />
        </Section>
      </div>
      <Section title={t('ui:energy.community.title')} intro={t('ui:energy.community.intro')}>
        {energy.community?.enabled && status.data?.community ? (
          <CommunityShares view={status.data.community} />
        ) : null}
        <CommunityEditor
          config={energy.community}
          // The core checks the typed values against its own schema and names each bad field.
          onSave={(community) =>
            save({ energy: { community: community as CommunityConfig | null } })
          }
        />
      </Section>
      <Section title={t('ui:energy.control.title')} intro={t('ui:energy.control.intro')}>
        <ControlEditor
          config={energy.control}
          maxPowerW={status.data?.maxPowerW ?? null}
          onSave={(control) =>
            save({ energy: { control: control as ControllableLoadConfig | null } })
          }
        />
      </Section>
    </div>
  );
}
