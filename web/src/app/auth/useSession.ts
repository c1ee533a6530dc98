import { useSyncExternalStore } from 'react';
import { readSession, subscribeSession, type Session } from './sessionStore';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, readSession, readSession);
}
