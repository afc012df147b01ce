import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemMessage } from '../../components/ProblemMessage';
import { MIN_PASSWORD, useCreateUser } from './api';

const EMPTY = { username: '', password: '', email: '', platformAdmin: false };

export function CreateUserForm() {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const nameMissing = !form.username.trim();
  const passwordShort = form.password.length < MIN_PASSWORD;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setCreated(null);
    if (nameMissing || passwordShort) return;
    const user = { username: form.username.trim(), password: form.password, email: form.email.trim() || undefined, platform_admin: form.platformAdmin };
    create.mutate(user, {
      onSuccess: () => {
        setCreated(user.username);
        setForm(EMPTY);
        setChecked(false);
      },
    });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('users.create')}</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="new-username">{t('users.username')}</label>
          <input
            id="new-username"
            autoComplete="off"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
            aria-invalid={(checked && nameMissing) || undefined}
            aria-describedby={checked && nameMissing ? 'new-username-error' : undefined}
          />
          {checked && nameMissing && (
            <p id="new-username-error" className="field-error">
              {t('users.usernameRequired')}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="new-password">{t('users.password')}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            aria-invalid={(checked && passwordShort) || undefined}
            aria-describedby="new-password-rule"
          />
          <p id="new-password-rule" className={checked && passwordShort ? 'field-error' : 'muted hint'}>
            {t('users.passwordRule', { min: MIN_PASSWORD })}
          </p>
        </div>
        <div>
          <label htmlFor="new-email">{t('users.email')}</label>
          <input id="new-email" type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </div>
        <div className="check">
          <input id="new-platform-admin" type="checkbox" checked={form.platformAdmin} onChange={(e) => setForm({ ...form, platformAdmin: e.target.checked })} />
          <label htmlFor="new-platform-admin">{t('users.makePlatformAdmin')}</label>
        </div>
      </div>
      <ProblemMessage error={create.error} />
      {created && (
        <p className="notice" role="status">
          {t('users.createdNotice', { username: created })} <Link to={`/admin/users/${encodeURIComponent(created)}`}>{t('users.open', { username: created })}</Link>
        </p>
      )}
      <button type="submit" className="form-submit" disabled={create.isPending}>
        {t('users.createButton')}
      </button>
    </form>
  );
}
