import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../api/client';
import type { TokenResponse, UserInfo } from '../api/types';
import { clearSession, loadSession, onUnauthenticated, saveSession, saveUser, type StoredSession } from './tokenStore';

/** Why the user is on the login page: shown there as a sentence. */
export type LoginReason = 'expired' | 'logged_out' | null;

interface SessionValue {
  user: UserInfo | null;
  expiresAt: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refreshUser(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => loadSession());
  const navigate = useNavigate();
  const location = useLocation();
  const queries = useQueryClient();

  const end = useCallback(
    (reason: LoginReason) => {
      clearSession();
      setSession(null);
      queries.clear();
      // After an expiry the user comes back to where they were; after a logout (maybe someone else logs in next) to '/'.
      const here = location.pathname.startsWith('/login') ? '/' : location.pathname + location.search;
      const next = reason === 'expired' ? here : '/';
      navigate('/login', { replace: true, state: { reason, next } });
    },
    [navigate, location, queries],
  );

  // A 401 on any call (token expired, revoked, user disabled) ends the session, once: the other calls that were in
  // flight with the same token answer 401 too, and must not send the user on from the login page.
  useEffect(() => onUnauthenticated(() => loadSession() && end('expired')), [end]);

  // The token's own expiry ends it too, without waiting for a failed call.
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = window.setTimeout(() => end('expired'), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => window.clearTimeout(timer);
  }, [session, end]);

  const value = useMemo<SessionValue>(
    () => ({
      user: session?.user ?? null,
      expiresAt: session?.expiresAt ?? null,
      async login(username, password) {
        const answer = await post<TokenResponse>('/api/v1/auth/tokens', { username, password });
        setSession(saveSession(answer));
      },
      async logout() {
        try {
          await del('/api/v1/auth/tokens');
        } finally {
          end('logged_out');
        }
      },
      async refreshUser() {
        const answer = await get<{ user: UserInfo }>('/api/v1/auth/tokens');
        saveUser(answer.user);
        setSession(loadSession());
      },
    }),
    [session, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
