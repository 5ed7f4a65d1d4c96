import { useTranslation } from 'react-i18next';
import type { ControllableLoadConfig } from '../../../src/api/energy-schemas';
import type { SaveFailure } from '../../api/hooks';
import { CONTROL_FIELDS, controlToForm, controlTopics, formToControl } from '../../lib/mqtt-forms';
import { ErrorNote, SavedNote } from '../ErrorNote';
import { InputField } from '../InputField';
import { Switch } from '../Switch';
import { useBrokerSectionForm } from './useBrokerSectionForm';

/**
 * Lets a home-energy system (EVCC, Home Assistant) steer this computer like any other
 * controllable load, over MQTT, and shows the limit it set.
 */
export function ControlEditor({
  config,
  maxPowerW,
  onSave,
}: {
  config: ControllableLoadConfig | null;
  maxPowerW: number | null;
  onSave: (control: Record<string, unknown> | null) => Promise<SaveFailure | null>;
}) {
  const { t } = useTranslation();
  const { form, set, fields, rest, saved, saving, save } = useBrokerSectionForm({
    config,
    toForm: controlToForm,
    toPatch: formToControl,
    onSave,
    path: 'energy.control',
    fieldNames: CONTROL_FIELDS,
  });
  const topics = controlTopics(form.nodeId);
  const text = (
    key: 'brokerUrl' | 'username' | 'password' | 'nodeId',
    options: { type?: 'password'; placeholder?: string } = {},
  ) => (
    <InputField
      id={`control-${key}`}
      label={t(`ui:energy.control.field.${key}`)}
      value={form[key]}
      onChange={(value) => set({ [key]: value })}
      type={options.type}
      placeholder={options.placeholder}
      error={fields[key] ?? null}
    />
  );

  return (
    <form
      className="control-editor"
      data-testid="control-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{t('ui:energy.control.explain')}</p>
      <ul className="topics">
        <li>
          <code>{topics.mode}</code> — {t('ui:energy.control.modeTopic')}
        </li>
        <li>
          <code>{topics.maxPower}</code> — {t('ui:energy.control.maxPowerTopic')}
        </li>
      </ul>
      <p className="status-sentence" data-testid="control-limit">
        {maxPowerW === null
          ? t('ui:energy.control.noLimit')
          : t('ui:energy.control.limit', { watts: Math.round(maxPowerW) })}
      </p>
      <Switch
        checked={form.enabled}
        label={t('ui:energy.control.enabled')}
        onText={t('ui:energy.control.enabledOn')}
        offText={t('ui:energy.control.enabledOff')}
        onChange={(enabled) => set({ enabled })}
      />
      <ErrorNote error={fields.enabled ?? null} />
      <div className="field-grid">
        {text('brokerUrl', { placeholder: 'mqtt://192.168.1.10:1883' })}
        {text('nodeId', { placeholder: 'rumah-rina' })}
        {text('username')}
        {text('password', { type: 'password' })}
      </div>
      <p className="hint">{t('ui:energy.community.credentialsLocal')}</p>
      {rest.map((m, i) => (
        <ErrorNote key={i} error={m} />
      ))}
      <div className="input-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('ui:energy.control.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
    </form>
  );
}
