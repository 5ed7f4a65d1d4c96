import type { ReactNode } from 'react';

/** A labelled text input with an optional unit and hint; errors are shown by the form. */
export function TextField({
  id,
  label,
  value,
  onChange,
  unit,
  hint,
  invalid,
  inputMode,
  placeholder,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  unit?: ReactNode;
  hint?: string;
  invalid?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url';
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-unit">
        <input
          id={id}
          value={value}
          inputMode={inputMode}
          placeholder={placeholder}
          aria-invalid={invalid}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
