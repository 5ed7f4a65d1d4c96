import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import { passwordStrength } from '../../lib/password-strength';
import { PasswordField } from '../PasswordField';

export interface NewPasswordValue {
  password: string;
  repeat: string;
}

/** What is wrong with each of the two boxes, so each error sits under its own box. */
export function newPasswordProblems(value: NewPasswordValue): {
  password: Message | null;
  repeat: Message | null;
} {
  return {
    password: value.password.length < 8 ? msg('ui:wallet.password.tooShort') : null,
    repeat: value.password !== value.repeat ? msg('ui:wallet.password.mismatch') : null,
  };
}

/** The password a new wallet file is locked with, or why it cannot be used yet. */
export function checkNewPassword(value: NewPasswordValue): Message | null {
  const problems = newPasswordProblems(value);
  return problems.password ?? problems.repeat;
}

/**
 * Password twice, with a strength hint that updates as the owner types. Once the owner has
 * tried to go on (`tried`), each box shows its own error once, with the red outline on it;
 * before that, only a finished-but-different second box is pointed out.
 */
export function NewPassword({
  value,
  onChange,
  tried = false,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  tried?: boolean;
}) {
  const { t } = useTranslation();
  const strength = passwordStrength(value.password);
  const problems = newPasswordProblems(value);
  const passwordError = tried ? problems.password : null;
  const typedRepeat = value.repeat.length >= value.password.length && value.repeat !== '';
  const repeatError = tried || typedRepeat ? problems.repeat : null;
  return (
    <>
      <PasswordField
        label={t('ui:wallet.password.label')}
        value={value.password}
        autoComplete="new-password"
        onChange={(password) => onChange({ ...value, password })}
        hint={t('ui:wallet.password.hint')}
        error={passwordError}
      />
      {value.password && !passwordError ? (
        <p className={`strength strength-${strength}`} aria-live="polite">
          {t(`ui:wallet.password.strength.${strength}`)}
        </p>
      ) : null}
      <PasswordField
        label={t('ui:wallet.password.repeat')}
        value={value.repeat}
        autoComplete="new-password"
        error={repeatError}
        onChange={(repeat) => onChange({ ...value, repeat })}
      />
    </>
  );
}
