/**
 * A horizontal meter with its value in words beside it; the fill is a hint, the text
 * is the reading.
 */
export function Gauge({
  label,
  valueText,
  fraction,
  tone = 'ok',
  note,
}: {
  label: string;
  valueText: string;
  /** 0..1, or null when there is no reading. */
  fraction: number | null;
  tone?: 'ok' | 'warn' | 'bad';
  note?: string;
}) {
  const width = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="gauge">
      <div className="gauge-head">
        <span className="gauge-label">{label}</span>
        <span className="gauge-value">{valueText}</span>
      </div>
      <progress
        className={`gauge-bar gauge-${tone}`}
        max={100}
        value={width}
        aria-label={label}
        aria-valuetext={valueText}
      />
      {note ? <p className="gauge-note">{note}</p> : null}
    </div>
  );
}
