import type { ReactNode } from 'react';
import type { Message } from '../../src/api/message';
import { ErrorNote } from './ErrorNote';

/** A labelled text input with an optional unit and hint, and the core's word on it if any. */
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
  error,
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
  /** What the core said is wrong with this very value. */
  error?: Message | null;
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
          aria-invalid={invalid ?? (error ? true : undefined)}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorNote error={error ?? null} />
    </div>
  );
}
