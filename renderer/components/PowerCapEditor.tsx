import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GpuPower } from '../../src/api/gpu-schemas';
import type { Message } from '../../src/api/message';
import type { PowerCapSetting } from '../../src/api/policy-schemas';
import { readPowerCap, type PowerCapMode } from '../lib/power-cap';
import { ErrorNote, SavedNote } from './ErrorNote';

const MODES: PowerCapMode[] = ['off', 'watts', 'percent'];

/**
 * Off, a number of watts, or a share of the card's normal limit, with the card's own
 * numbers beside it so the owner knows what the choice means. Invalid input is refused
 * here and nothing is saved.
 */
export function PowerCapEditor({
  setting,
  card,
  onSave,
  serverError,
  saving,
}: {
  setting: PowerCapSetting;
  /** The first card's power figures; null when there is no card to read. */
  card: GpuPower | null;
  onSave: (next: PowerCapSetting) => Promise<boolean>;
  serverError: Message | null;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<PowerCapMode>(setting.mode);
  const [text, setText] = useState(setting.mode === 'off' ? '' : String(setting.value));
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);

  const pickMode = (next: PowerCapMode) => {
    setMode(next);
    setSaved(false);
    setError(null);
    if (next === 'percent' && mode !== 'percent')
      setText(setting.mode === 'percent' ? String(setting.value) : '80');
    if (next === 'watts' && mode !== 'watts') {
      const guess = card?.defaultLimitW ? Math.round(card.defaultLimitW * 0.8) : 200;
      setText(setting.mode === 'watts' ? String(setting.value) : String(guess));
    }
  };

  const save = async () => {
    setSaved(false);
    const read = readPowerCap(mode, text, setting);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setError(null);
    setSaved(await onSave(read.value));
  };

  const def = card?.defaultLimitW ?? null;
  const percentWatts =
    mode === 'percent' && def !== null
      ? Math.round((def * (Number(text.replace(',', '.')) || 0)) / 100)
      : null;

  return (
    <div className="power-cap">
      <div className="radios" role="radiogroup" aria-label={t('ui:power.cap.title')}>
        {MODES.map((m) => {
          // A share of the normal limit means nothing until a card reports that limit.
          const unusable = m === 'percent' && def === null && mode !== 'percent';
          return (
            <label
              key={m}
              className={`radio ${mode === m ? 'is-chosen' : ''} ${unusable ? 'is-disabled' : ''}`}
            >
              <input
                type="radio"
                name="power-cap-mode"
                value={m}
                checked={mode === m}
                disabled={unusable}
                aria-describedby={unusable ? 'power-cap-percent-why' : undefined}
                onChange={() => pickMode(m)}
              />
              <span>
                {t(`ui:power.cap.mode.${m}`)}
                {unusable ? (
                  <span className="radio-reason" id="power-cap-percent-why">
                    {t('ui:power.cap.percentUnavailable')}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
      {mode !== 'off' ? (
        <div className="field">
          <label htmlFor="power-cap-value">
            {mode === 'watts' ? t('ui:power.cap.wattsLabel') : t('ui:power.cap.percentLabel')}
          </label>
          <div className="input-with-unit">
            <input
              id="power-cap-value"
              inputMode="decimal"
              value={text}
              aria-invalid={error !== null}
              aria-describedby={error ? 'power-cap-error' : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setSaved(false);
              }}
            />
            <span className="unit">{mode === 'watts' ? 'W' : '%'}</span>
          </div>
          {percentWatts !== null && percentWatts > 0 ? (
            <p className="hint">{t('ui:power.cap.percentMeans', { watts: percentWatts })}</p>
          ) : null}
        </div>
      ) : (
        <p className="hint">{t('ui:power.cap.offExplain')}</p>
      )}
      <p className="hint card-numbers">
        {def !== null
          ? card?.minLimitW != null && card.maxLimitW != null
            ? t('ui:power.cap.cardNumbersRange', {
                def: Math.round(def),
                min: Math.round(card.minLimitW),
                max: Math.round(card.maxLimitW),
              })
            : t('ui:power.cap.cardNumbers', { def: Math.round(def) })
          : t('ui:power.cap.noCardNumbers')}
      </p>
      <ErrorNote error={error ?? serverError} id="power-cap-error" />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {t('ui:common.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
    </div>
  );
}
