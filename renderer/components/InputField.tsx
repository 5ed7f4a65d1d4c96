import type { ReactNode } from 'react';
import type { Message } from '../../src/api/message';
import { ErrorNote } from './ErrorNote';

/** A labelled input with its hint and, right under it, what is wrong with it. */
export function InputField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  hint,
  error,
  placeholder,
  unit,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  hint?: ReactNode;
  error?: Message | null;
  placeholder?: string;
  unit?: string;
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url';
}) {
  const errorId = `${id}-error`;
  const input = (
    <input
      id={id}
      type={type}
      value={value}
      spellCheck={false}
      autoComplete="off"
      inputMode={inputMode}
      placeholder={placeholder}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {unit ? (
        <div className="input-with-unit">
          {input}
          <span className="unit">{unit}</span>
        </div>
      ) : (
        input
      )}
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorNote error={error ?? null} id={errorId} />
    </div>
  );
}
