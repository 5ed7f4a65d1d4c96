import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnergyMode, EnergyModeName } from '../../../src/api/energy-schemas';
import type { Message } from '../../../src/api/message';
import type { SaveFailure } from '../../api/hooks';
import { splitIssues } from '../../lib/field-issues';
import {
  MODE_DEFAULTS,
  formToMode,
  modeToForm,
  type ModeForm,
  type ModeNumberField,
} from '../../lib/energy-forms';
import { ErrorNote, SavedNote } from '../ErrorNote';

const MODES: readonly EnergyModeName[] = ['off', 'solar', 'minSolar', 'priceLimit'];
const UNIT: Record<ModeNumberField, string> = {
  floorW: 'W',
  startThresholdW: 'W',
  startDelayS: 's',
  stopDelayS: 's',
  residualW: 'W',
  smoothingS: 's',
};
/** Which settings matter in which mode; the rest are hidden to keep the form short. */
const FIELDS_FOR: Record<EnergyModeName, readonly ModeNumberField[]> = {
  off: [],
  solar: ['startThresholdW', 'startDelayS', 'stopDelayS', 'residualW', 'smoothingS'],
  minSolar: ['floorW', 'startThresholdW', 'startDelayS', 'stopDelayS', 'residualW', 'smoothingS'],
  priceLimit: [],
};

/** How the GPU follows the surplus (EVCC-style), with the defaults shown beside each value. */
export function ModeEditor({
  mode,
  currency,
  onSave,
}: {
  mode: EnergyMode;
  currency: string;
  onSave: (mode: EnergyMode) => Promise<SaveFailure | null>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ModeForm>(() => modeToForm(mode));
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [serverError, setServerError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const checked = formToMode(form, mode);
    setSaved(false);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const failure = await onSave(checked.value);
    // Only fields on screen can carry an error; the rest are said under the form.
    const shown = [
      ...FIELDS_FOR[form.mode],
      'mode',
      ...(form.mode === 'priceLimit' ? ['priceLimit'] : []),
    ];
    const split = splitIssues(failure?.issues ?? [], 'energy.mode', shown);
    setErrors(split.fields);
    setServerError(
      failure && failure.issues.length === 0 ? failure.message : (split.rest[0] ?? null),
    );
    setSaved(failure === null);
  };
  const set = (patch: Partial<ModeForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };

  return (
    <div className="mode-editor">
      <div className="mode-choices" role="radiogroup" aria-label={t('ui:energy.mode.title')}>
        {MODES.map((m) => (
          <label className={`mode-choice ${form.mode === m ? 'is-on' : ''}`} key={m}>
            <input
              type="radio"
              name="energy-mode"
              checked={form.mode === m}
              onChange={() => set({ mode: m })}
            />
            <span>
              <strong>{t(`ui:energy.mode.${m}`)}</strong>
              <span className="hint">{t(`ui:energy.mode.${m}Explain`)}</span>
            </span>
          </label>
        ))}
      </div>
      {FIELDS_FOR[form.mode].map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`mode-${field}`}>{t(`ui:energy.mode.field.${field}`)}</label>
          <div className="input-with-unit">
            <input
              id={`mode-${field}`}
              inputMode="decimal"
              value={form[field]}
              aria-invalid={errors[field] !== undefined}
              onChange={(e) => set({ [field]: e.target.value })}
            />
            <span className="unit">{UNIT[field]}</span>
          </div>
          <p className="hint">
            {t(`ui:energy.mode.hint.${field}`)}{' '}
            {t('ui:energy.mode.default', { value: MODE_DEFAULTS[field], unit: UNIT[field] })}
          </p>
          <ErrorNote error={errors[field] ?? null} />
        </div>
      ))}
      {form.mode === 'priceLimit' ? (
        <div className="field">
          <label htmlFor="mode-priceLimit">{t('ui:energy.mode.field.priceLimit')}</label>
          <div className="input-with-unit">
            <input
              id="mode-priceLimit"
              inputMode="decimal"
              value={form.priceLimit}
              aria-invalid={errors.priceLimit !== undefined}
              onChange={(e) => set({ priceLimit: e.target.value })}
            />
            <span className="unit">{t('ui:energy.mode.perKwh', { currency })}</span>
          </div>
          <p className="hint">{t('ui:energy.mode.hint.priceLimit')}</p>
          <ErrorNote error={errors.priceLimit ?? null} />
        </div>
      ) : null}
      <ErrorNote error={errors.mode ?? serverError} />
      <div className="input-row">
        <button type="button" className="button button-primary" onClick={() => void save()}>
          {t('ui:energy.mode.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
    </div>
  );
}
