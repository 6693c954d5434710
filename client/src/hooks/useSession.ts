import { useEffect, useSyncExternalStore } from 'react';
import { ensureSession, sessionStore, type SessionContext, type SessionState } from '../store/session.store';

/** The caller's session, loaded on first use (unless `load` is false) and shared by every page. */
export const useSession = (load = true): SessionState => {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
  useEffect(() => {
    if (load) ensureSession();
  }, [load]);
  return state;
};

/** The context once the session is ready, else null (pages show their loading state meanwhile). */
export const useReadySession = (): SessionContext | null => {
  const state = useSession();
  return state.status === 'ready' ? state.context : null;
};
