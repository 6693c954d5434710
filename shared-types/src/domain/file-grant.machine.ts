import { defineMachine } from './state-machine';
import type { FileGrantDoc, FileGrantStatus } from '../model/resident-file.model';

/** P1: how long the supervisor may let a file be read: a quarter of an hour up to a shift. */
export const GRANT_MINUTES = { min: 15, max: 480, default: 60 } as const;

/** P1: whether a grant still lets its holder read at `now` (it was granted, and its time has not run out). */
const holds = (g: Pick<FileGrantDoc, 'until'>, now: Date) => g.until !== null && now.getTime() < new Date(g.until).getTime();

export type FileGrantAction = 'ask' | 'grant' | 'refuse' | 'revoke' | 'read';

/**
 * P1: permission to read a household's file. The desk asks with a reason; the supervisor grants it
 * until a time, or refuses; while it holds he may revoke it. `read` changes nothing: it is allowed
 * to the desk while the grant holds (the clock passed in), refused as too late once it has run out,
 * and not allowed at all once revoked.
 */
export const fileGrantMachine = defineMachine<FileGrantStatus, FileGrantAction, FileGrantDoc>({
  name: 'fileGrant',
  states: ['requested', 'granted', 'refused', 'revoked'],
  transitions: {
    ask: { from: [], to: 'requested', roles: ['desk'] },
    grant: { from: ['requested'], to: 'granted', roles: ['supervisor'] },
    refuse: { from: ['requested'], to: 'refused', roles: ['supervisor'] },
    revoke: { from: ['granted'], to: 'revoked', roles: ['supervisor'], guard: (g, now) => (holds(g, now) ? null : 'STATE.TOO_LATE') },
    read: { from: ['granted'], roles: ['desk'], guard: (g, now) => (holds(g, now) ? null : 'STATE.TOO_LATE') },
  },
});

/** P1: what a grant looks like at `now`: its status, or expired once a granted one has run out (a revoked one stays revoked). */
export const grantPhase = (g: Pick<FileGrantDoc, 'status' | 'until'>, now: Date): FileGrantStatus | 'expired' => (g.status === 'granted' && !holds(g, now) ? 'expired' : g.status);
