export interface SessionUser {
  id: string;
  email: string;
  role: 'VIEWER' | 'RESPONDER' | 'ADMIN';
  teams: { id: string; name: string }[];
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'hindsight.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s.token || !s.user) return null;
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function readSession(): Session | null {
  if (cached === undefined) cached = parse(localStorage.getItem(KEY));
  return cached;
}

export function readToken(): string | null {
  return readSession()?.token ?? null;
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
  cached = session;
  listeners.forEach((l) => l());
}

export function clearSession(): void {
  if (readSession() === null && localStorage.getItem(KEY) === null) return;
  localStorage.removeItem(KEY);
  cached = null;
  listeners.forEach((l) => l());
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      cached = parse(e.newValue);
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
