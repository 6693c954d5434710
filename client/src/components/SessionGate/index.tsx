import type { ReactNode } from 'react';
import { useSession } from '../../hooks/useSession';
import { loadSession, type SessionContext } from '../../store/session.store';
import LoadState from '../LoadState';

/** Renders its page once the session is ready; until then a loading line or a Chinese error. */
export default function SessionGate({ children }: { children: (context: SessionContext) => ReactNode }) {
  const session = useSession();
  if (session.status === 'ready') return <>{children(session.context)}</>;
  const error =
    session.status === 'error' || session.status === 'no-membership'
      ? { ok: false as const, code: session.status, message: session.message }
      : null;
  return <LoadState loading error={error} onRetry={() => void loadSession()} />;
}
