import { useTranslation } from 'react-i18next';
import {
  SCHEDULE_PRESET_SPANS,
  type Schedule as ScheduleSetting,
  type SchedulePreset,
} from '../../src/api/policy-schemas';
import { useSettings } from '../api/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PresetPicker } from '../components/PresetPicker';
import { Section } from '../components/Section';
import { WeekGridEditor } from '../components/WeekGridEditor';
import { gridToSpans, nextEdge, spansToGrid, type WeekGrid } from '../lib/schedule-grid';
import { hourLabel, weekdayName } from '../lib/weekdays';

/** The hours a schedule means, whatever its preset. */
export function scheduleGrid(schedule: ScheduleSetting): WeekGrid {
  return spansToGrid(
    schedule.preset === 'custom' ? schedule.spans : SCHEDULE_PRESET_SPANS[schedule.preset],
  );
}

function NextEdgeLine({ grid, preset }: { grid: WeekGrid; preset: SchedulePreset }) {
  const { t, i18n } = useTranslation();
  if (preset === 'whenAway') return <p className="next-edge">{t('ui:schedule.nextAway')}</p>;
  const now = new Date();
  const { inHours, next } = nextEdge(grid, now.getDay(), now.getHours());
  if (next === null) {
    return (
      <p className="next-edge">
        {inHours ? t('ui:schedule.nextAlways') : t('ui:schedule.nextNever')}
      </p>
    );
  }
  const when = {
    day: next.day === now.getDay() ? t('ui:schedule.today') : weekdayName(next.day, i18n.language),
    time: hourLabel(next.hour),
  };
  return (
    <p className="next-edge" data-testid="next-edge">
      {inHours ? t('ui:schedule.nextStop', when) : t('ui:schedule.nextStart', when)}
    </p>
  );
}

export function Schedule() {
  const { t } = useTranslation();
  const { settings, save, saving, error } = useSettings();
  if (!settings) return <p className="muted">{t('ui:common.loading')}</p>;
  const schedule = settings.policy.schedule;
  const grid = scheduleGrid(schedule);

  const pick = (preset: SchedulePreset) =>
    void save({
      policy: {
        schedule: { preset, spans: preset === 'custom' ? schedule.spans : schedule.spans },
      },
    });
  const paint = (next: WeekGrid) =>
    void save({ policy: { schedule: { preset: 'custom', spans: gridToSpans(next) } } });

  return (
    <div className="screen schedule">
      <h1 className="screen-title">{t('ui:nav.schedule')}</h1>
      <Section title={t('ui:schedule.presetsTitle')} intro={t('ui:schedule.presetsIntro')}>
        <PresetPicker value={schedule.preset} onPick={pick} disabled={saving} />
      </Section>
      <Section title={t('ui:schedule.gridTitle')} intro={t('ui:schedule.gridIntro')}>
        <NextEdgeLine grid={grid} preset={schedule.preset} />
        <WeekGridEditor grid={grid} onCommit={paint} disabled={saving} />
        <ErrorNote error={error} />
        {schedule.preset !== 'custom' ? <p className="hint">{t('ui:schedule.paintHint')}</p> : null}
      </Section>
    </div>
  );
}
