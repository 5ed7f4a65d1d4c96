import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnergySourceConfig, EnergySourceKind } from '../../../src/api/energy-schemas';
import type { Message } from '../../../src/api/message';
import type { SaveFailure } from '../../api/hooks';
import { formToSource, sourceToForm, type SourceForm } from '../../lib/energy-forms';
import { splitIssues } from '../../lib/field-issues';
import { ErrorNote, SavedNote } from '../ErrorNote';
import { Switch } from '../Switch';
import { TestConnection } from './TestConnection';

const KINDS: readonly EnergySourceKind[] = ['none', 'manual', 'httpJson', 'mqtt', 'homeAssistant'];

type TextKey = {
  [K in keyof SourceForm]: SourceForm[K] extends string ? K : never;
}[keyof SourceForm];

/** Where the surplus figure comes from, with the fields that kind needs and their errors. */
export function SourceEditor({
  source,
  onSave,
}: {
  source: EnergySourceConfig;
  onSave: (source: EnergySourceConfig) => Promise<SaveFailure | null>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SourceForm>(() => sourceToForm(source));
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [serverError, setServerError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<SourceForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const save = async (next: SourceForm = form) => {
    const checked = formToSource(next);
    setSaved(false);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const failure = await onSave(checked.value);
    setSaving(false);
    const split = splitIssues(failure?.issues ?? [], 'energy.source', Object.keys(next));
    setErrors(split.fields);
    setServerError(
      failure && failure.issues.length === 0 ? failure.message : (split.rest[0] ?? null),
    );
    setSaved(failure === null);
  };

  const text = (key: TextKey, options: { type?: string; placeholder?: string } = {}) => (
    <div className="field" key={key}>
      <label htmlFor={`energy-${key}`}>{t(`ui:energy.source.field.${key}`)}</label>
      <input
        id={`energy-${key}`}
        type={options.type ?? 'text'}
        spellCheck={false}
        autoComplete="off"
        placeholder={options.placeholder}
        value={form[key]}
        aria-invalid={errors[key] !== undefined}
        onChange={(e) => set({ [key]: e.target.value })}
      />
      {i18nHint(key)}
      <ErrorNote error={errors[key] ?? null} />
    </div>
  );
  const i18nHint = (key: TextKey) => {
    const hintKey = `ui:energy.source.hint.${key}`;
    return t(hintKey, { defaultValue: '' }) ? <p className="hint">{t(hintKey)}</p> : null;
  };
  const sign = (
    <fieldset className="field">
      <legend>{t('ui:energy.sign.title')}</legend>
      {(['exportNegative', 'surplusPositive'] as const).map((s) => (
        <label className="sign-choice" key={s}>
          <input
            type="radio"
            name="energy-sign"
            checked={form.sign === s}
            onChange={() => set({ sign: s })}
          />
          <span>
            <strong>{t(`ui:energy.sign.${s}`)}</strong>
            <span className="hint"> {t(`ui:energy.sign.${s}Explain`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="source-editor">
      <div className="field">
        <label htmlFor="energy-kind">{t('ui:energy.source.kind')}</label>
        <select
          id="energy-kind"
          value={form.kind}
          onChange={(e) => set({ kind: e.target.value as EnergySourceKind })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ui:energy.source.kinds.${k}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t(`ui:energy.source.explain.${form.kind}`)}</p>
      </div>
      {form.kind === 'manual' ? (
        <>
          <Switch
            checked={form.surplusNow}
            label={t('ui:energy.source.surplusNow')}
            onText={t('ui:energy.source.surplusYes')}
            offText={t('ui:energy.source.surplusNo')}
            disabled={saving}
            onChange={(surplusNow) => {
              const next = { ...form, surplusNow };
              setForm(next);
              // A switch acts at once; the owner should not have to press Save as well.
              void save(next);
            }}
          />
          {text('fixedBudgetW', { placeholder: t('ui:energy.source.noLimit') })}
        </>
      ) : null}
      {form.kind === 'httpJson' ? (
        <>
          {text('url', { placeholder: 'http://192.168.1.20/api/state' })}
          {text('fieldPath', { placeholder: 'site.gridPower' })}
          {text('priceFieldPath')}
          {sign}
          {text('pollIntervalS')}
        </>
      ) : null}
      {form.kind === 'mqtt' ? (
        <>
          {text('brokerUrl', { placeholder: 'mqtt://192.168.1.10:1883' })}
          {text('topic', { placeholder: 'evcc/site/gridPower' })}
          {text('fieldPath')}
          {text('username')}
          {text('password', { type: 'password' })}
          {sign}
          {text('staleAfterS')}
        </>
      ) : null}
      {form.kind === 'homeAssistant' ? (
        <>
          {text('baseUrl', { placeholder: 'http://homeassistant.local:8123' })}
          {text('token', { type: 'password' })}
          {text('entityId', { placeholder: 'sensor.grid_power' })}
          {sign}
          {text('pollIntervalS')}
        </>
      ) : null}
      <ErrorNote error={errors.form ?? errors.kind ?? serverError} />
      <div className="input-row">
        <button
          type="button"
          className="button button-primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {t('ui:energy.source.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
      {form.kind === 'httpJson' || form.kind === 'mqtt' || form.kind === 'homeAssistant' ? (
        <TestConnection
          check={() => {
            const checked = formToSource(form);
            setErrors(checked.ok ? {} : checked.errors);
            return checked.ok ? checked.value : null;
          }}
        />
      ) : null}
    </div>
  );
}
