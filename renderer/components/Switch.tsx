/** A large on/off switch whose state is always said in words as well as shown. */
export function Switch({
  checked,
  onChange,
  label,
  onText,
  offText,
  disabled,
  big,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: string;
  onText: string;
  offText: string;
  disabled?: boolean;
  big?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      className={`switch ${checked ? 'switch-on' : 'switch-off'} ${big ? 'switch-big' : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">{checked ? onText : offText}</span>
    </button>
  );
}
