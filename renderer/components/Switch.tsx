/**
 * A large on/off switch. Its visible text names what it controls ("Share while on
 * battery") with the current state in smaller words under it, because a bare state
 * ("Only when plugged in: off") reads backwards. A switch whose state sentence already
 * names itself ("Sharing is on") may show the state alone with `stateOnly`.
 */
export function Switch({
  checked,
  onChange,
  label,
  onText,
  offText,
  disabled,
  big,
  stateOnly,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: string;
  onText: string;
  offText: string;
  disabled?: boolean;
  big?: boolean;
  stateOnly?: boolean;
}) {
  const state = checked ? onText : offText;
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
      {stateOnly ? (
        <span className="switch-text">{state}</span>
      ) : (
        <span className="switch-words">
          <span className="switch-text">{label}</span>
          <span className="switch-state">{state}</span>
        </span>
      )}
    </button>
  );
}
