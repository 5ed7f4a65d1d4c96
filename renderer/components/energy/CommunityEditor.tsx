import { useTranslation } from 'react-i18next';
import type { CommunityConfig } from '../../../src/api/energy-schemas';
import type { SaveFailure } from '../../api/hooks';
import { COMMUNITY_FIELDS, communityToForm, formToCommunity } from '../../lib/mqtt-forms';
import { ErrorNote, SavedNote } from '../ErrorNote';
import { InputField } from '../InputField';
import { Switch } from '../Switch';
import { useBrokerSectionForm } from './useBrokerSectionForm';

/** Joining a microgrid community: the broker, the community, this computer's name in it. */
export function CommunityEditor({
  config,
  onSave,
}: {
  config: CommunityConfig | null;
  onSave: (community: Record<string, unknown> | null) => Promise<SaveFailure | null>;
}) {
  const { t } = useTranslation();
  const { form, set, fields, rest, saved, saving, save } = useBrokerSectionForm({
    config,
    toForm: communityToForm,
    toPatch: formToCommunity,
    onSave,
    path: 'energy.community',
    fieldNames: COMMUNITY_FIELDS,
  });
  const text = (
    key: 'brokerUrl' | 'username' | 'password' | 'communityId' | 'nodeId' | 'wantW',
    options: { type?: 'password'; placeholder?: string; unit?: string; hint?: boolean } = {},
  ) => (
    <InputField
      id={`community-${key}`}
      label={t(`ui:energy.community.field.${key}`)}
      value={form[key]}
      onChange={(value) => set({ [key]: value })}
      type={options.type}
      placeholder={options.placeholder}
      unit={options.unit}
      hint={options.hint ? t(`ui:energy.community.hint.${key}`) : undefined}
      error={fields[key] ?? null}
    />
  );

  return (
    <form
      className="community-editor"
      data-testid="community-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Switch
        checked={form.enabled}
        label={t('ui:energy.community.enabled')}
        onText={t('ui:energy.community.enabledOn')}
        offText={t('ui:energy.community.enabledOff')}
        onChange={(enabled) => set({ enabled })}
      />
      <ErrorNote error={fields.enabled ?? null} />
      <div className="field-grid">
        {text('brokerUrl', { placeholder: 'mqtt://192.168.1.10:1883', hint: true })}
        {text('communityId', { placeholder: 'desa-sukamaju', hint: true })}
        {text('nodeId', { placeholder: 'rumah-rina', hint: true })}
        {text('wantW', { unit: 'W', hint: true })}
        {text('username')}
        {text('password', { type: 'password' })}
      </div>
      <p className="hint">{t('ui:energy.community.credentialsLocal')}</p>
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={!form.rejectUnauthorized}
          onChange={(e) => set({ rejectUnauthorized: !e.target.checked })}
        />
        <span>{t('ui:energy.community.selfSigned')}</span>
      </label>
      <ErrorNote error={fields.tls ?? fields.staleAfterS ?? null} />
      {rest.map((m, i) => (
        <ErrorNote key={i} error={m} />
      ))}
      <div className="input-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('ui:energy.community.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
    </form>
  );
}
