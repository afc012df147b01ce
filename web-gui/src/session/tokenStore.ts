// The session lives in localStorage so that a reopened tab (say, to resume an upload) is still logged in until the
// token expires. The token is also set by the server as an HttpOnly cookie at login, which only GET downloads use.

import type { TokenResponse, UserInfo } from '../api/types';

const KEY = 'zonelake.session';

export interface StoredSession {
  token: string;
  expiresAt: string;
  user: UserInfo;
}

type Listener = (reason: string) => void;
const listeners = new Set<Listener>();

export function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(answer: TokenResponse): StoredSession {
  const session = { token: answer.token, expiresAt: answer.expires_at, user: answer.user };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function saveUser(user: UserInfo): void {
  const session = loadSession();
  if (session) localStorage.setItem(KEY, JSON.stringify({ ...session, user }));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export function currentToken(): string | null {
  return loadSession()?.token ?? null;
}

/** Called by the API client when the server answers 401 to a request that carried a token. */
export function notifyUnauthenticated(code: string): void {
  listeners.forEach((listener) => listener(code));
}

export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
