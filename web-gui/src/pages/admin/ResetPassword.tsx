import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/ProblemMessage';
import { MIN_PASSWORD, useResetPassword } from './api';

/** Sets a new password; the server also ends the user's sessions. */
export function ResetPassword({ username }: { username: string }) {
  const { t } = useTranslation('admin');
  const reset = useResetPassword(username);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = password.length < MIN_PASSWORD;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (tooShort) return;
    reset.mutate(password, { onSuccess: () => { setPassword(''); setChecked(false); } });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('password.title')}</h2>
      <label htmlFor="reset-password">{t('password.new')}</label>
      <input
        id="reset-password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          reset.reset();
        }}
        aria-invalid={(checked && tooShort) || undefined}
        aria-describedby="reset-password-rule"
      />
      <p id="reset-password-rule" className={checked && tooShort ? 'field-error' : 'muted hint'}>
        {t('users.passwordRule', { min: MIN_PASSWORD })}
      </p>
      <ProblemMessage error={reset.error} />
      {reset.isSuccess && (
        <p className="notice" role="status">
          {t('password.done', { username })}
        </p>
      )}
      <button type="submit" className="form-submit" disabled={reset.isPending}>
        {t('password.button')}
      </button>
    </form>
  );
}
