import { useId } from 'react';

/** A password input with its label; the form shows the error next to it. */
export function PasswordField({
  label,
  value,
  onChange,
  invalid,
  hint,
  autoComplete = 'current-password',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  hint?: string;
  autoComplete?: 'current-password' | 'new-password';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        value={value}
        autoComplete={autoComplete}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
