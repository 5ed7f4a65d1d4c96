import { useId } from 'react';
import type { Message } from '../../src/api/message';
import { ErrorNote } from './ErrorNote';

/** A password input with its label and, when given, its own error under it. */
export function PasswordField({
  label,
  value,
  onChange,
  invalid,
  error,
  hint,
  autoComplete = 'current-password',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  error?: Message | null;
  hint?: string;
  autoComplete?: 'current-password' | 'new-password';
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hasError = error != null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        value={value}
        autoComplete={autoComplete}
        aria-invalid={invalid || hasError}
        aria-describedby={hasError ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorNote error={error ?? null} id={errorId} />
    </div>
  );
}
