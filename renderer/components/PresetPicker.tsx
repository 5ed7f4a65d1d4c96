import { useTranslation } from 'react-i18next';
import type { SchedulePreset } from '../../src/api/policy-schemas';

export const PICKABLE_PRESETS = ['overnight', 'eveningsWeekends', 'always', 'whenAway'] as const;

/** The plans as big cards; one click picks one. "My own hours" appears once painted. */
export function PresetPicker({
  value,
  onPick,
  disabled,
}: {
  value: SchedulePreset;
  onPick: (preset: SchedulePreset) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // "Always" and "When I'm away" read alike in the core's short words; say the difference.
  const describe = (preset: SchedulePreset) =>
    i18n.exists(`ui:schedule.presetText.${preset}`)
      ? t(`ui:schedule.presetText.${preset}`)
      : t(`policy:preset.${preset}.description`);
  const options: readonly SchedulePreset[] =
    value === 'custom' ? [...PICKABLE_PRESETS, 'custom'] : PICKABLE_PRESETS;
  return (
    <div className="choices" role="radiogroup" aria-label={t('ui:schedule.presetsLabel')}>
      {options.map((preset) => (
        <button
          key={preset}
          type="button"
          role="radio"
          aria-checked={value === preset}
          disabled={disabled}
          className={`choice ${value === preset ? 'is-chosen' : ''}`}
          data-preset={preset}
          onClick={() => onPick(preset)}
        >
          <span className="choice-name">
            {value === preset ? (
              <span className="choice-check" aria-hidden="true">
                ✓{' '}
              </span>
            ) : null}
            {t(`policy:preset.${preset}.name`)}
          </span>
          <span className="choice-text">{describe(preset)}</span>
        </button>
      ))}
    </div>
  );
}
