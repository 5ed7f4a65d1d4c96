import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import { passwordStrength } from '../../lib/password-strength';
import { PasswordField } from '../PasswordField';

export interface NewPasswordValue {
  password: string;
  repeat: string;
}

/** The password a new wallet file is locked with, or why it cannot be used yet. */
export function checkNewPassword(value: NewPasswordValue): Message | null {
  if (value.password.length < 8) return msg('ui:wallet.password.tooShort');
  if (value.password !== value.repeat) return msg('ui:wallet.password.mismatch');
  return null;
}

/** Password twice, with a strength hint that updates as the owner types. */
export function NewPassword({
  value,
  onChange,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
}) {
  const { t } = useTranslation();
  const strength = passwordStrength(value.password);
  return (
    <>
      <PasswordField
        label={t('ui:wallet.password.label')}
        value={value.password}
        autoComplete="new-password"
        onChange={(password) => onChange({ ...value, password })}
        hint={t('ui:wallet.password.hint')}
      />
      {value.password ? (
        <p className={`strength strength-${strength}`} aria-live="polite">
          {t(`ui:wallet.password.strength.${strength}`)}
        </p>
      ) : null}
      <PasswordField
        label={t('ui:wallet.password.repeat')}
        value={value.repeat}
        autoComplete="new-password"
        invalid={value.repeat !== '' && value.repeat !== value.password}
        onChange={(repeat) => onChange({ ...value, repeat })}
      />
    </>
  );
}
