import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HOURS, paintRect, type WeekGrid } from '../lib/schedule-grid';
import { hourLabel, WEEK_ORDER, weekdayName } from '../lib/weekdays';

interface Drag {
  anchor: { day: number; hour: number };
  value: boolean;
  start: WeekGrid;
}

function cellAt(x: number, y: number): { day: number; hour: number } | null {
  const el = document.elementFromPoint(x, y);
  if (!(el instanceof HTMLElement) || el.dataset.day === undefined || el.dataset.hour === undefined)
    return null;
  return { day: Number(el.dataset.day), hour: Number(el.dataset.hour) };
}

/**
 * 7 days × 24 hours. Press on an hour and drag to paint a block: starting on an empty hour
 * paints, starting on a painted one clears. Keyboard users toggle one hour at a time.
 */
export function WeekGridEditor({
  grid,
  onCommit,
  disabled,
}: {
  grid: WeekGrid;
  onCommit: (next: WeekGrid) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<WeekGrid | null>(null);
  const drag = useRef<Drag | null>(null);
  const shown = draft ?? grid;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (disabled || e.button !== 0) return;
    const at = cellAt(e.clientX, e.clientY);
    if (!at) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const value = !grid[at.day]![at.hour];
    drag.current = { anchor: at, value, start: grid };
    setDraft(paintRect(grid, at, at, value));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const at = cellAt(e.clientX, e.clientY);
    if (at) setDraft(paintRect(d.start, d.anchor, at, d.value));
  };
  const finish = () => {
    if (!drag.current) return;
    drag.current = null;
    if (draft) onCommit(draft);
    setDraft(null);
  };

  return (
    <div className="week">
      <div
        className={`week-grid ${disabled ? 'is-disabled' : ''}`}
        role="grid"
        aria-label={t('ui:schedule.gridLabel')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
      >
        <div className="week-row week-hours" role="row">
          <span className="week-day" role="columnheader" />
          {Array.from({ length: HOURS }, (_, hour) => (
            <span key={hour} className="week-hour" role="columnheader" aria-label={hourLabel(hour)}>
              {hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}
            </span>
          ))}
        </div>
        {WEEK_ORDER.map((day) => (
          <div key={day} className="week-row" role="row">
            <span className="week-day" role="rowheader">
              {weekdayName(day, i18n.language, 'short')}
            </span>
            {shown[day]!.map((on, hour) => (
              <button
                key={hour}
                type="button"
                role="gridcell"
                className={`week-cell ${on ? 'is-on' : ''}`}
                data-day={day}
                data-hour={hour}
                aria-selected={on}
                aria-label={`${weekdayName(day, i18n.language)} ${hourLabel(hour)}`}
                disabled={disabled}
                onClick={(e) => {
                  // Pointer painting is handled above; this is for Enter/Space only.
                  if (e.detail !== 0) return;
                  onCommit(paintRect(grid, { day, hour }, { day, hour }, !on));
                }}
              />
            ))}
          </div>
        ))}
      </div>
      <p className="week-legend">
        <span className="legend-swatch is-on" aria-hidden="true" /> {t('ui:schedule.legendOn')}
        <span className="legend-swatch" aria-hidden="true" /> {t('ui:schedule.legendOff')}
      </p>
    </div>
  );
}
