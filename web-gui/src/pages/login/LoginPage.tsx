import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { ProblemMessage } from '../../components/ProblemMessage';
import { setLanguage, LANGUAGES, type Language } from '../../i18n';
import { useSession, type LoginReason } from '../../session/SessionContext';

export function LoginPage() {
  const { t, i18n } = useTranslation('login');
  const { user, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as { reason?: LoginReason; next?: string };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);

  if (user && !busy) return <Navigate to={state.next ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!username || !password);
    if (!username || !password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      navigate(state.next ?? '/', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="login-head">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <PageTitle title={t('title')}>Zonelake</PageTitle>
          <select aria-label={t('common:app.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <p>{t('intro')}</p>
        {state.reason === 'expired' && <p className="notice" role="status">{t('expired')}</p>}
        {state.reason === 'logged_out' && <p className="notice" role="status">{t('loggedOut')}</p>}
        <label htmlFor="username">{t('username')}</label>
        <input id="username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {missing && <p className="field-error" role="alert">{t('required')}</p>}
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
    </main>
  );
}
