import type { CaseRef, CaseView } from '../../../hooks/useComplaints';

/** The reference a write on this case carries. */
export const refOf = (view: CaseView): CaseRef => ({ kind: view.kind, id: view.id });

/** The case this page opens, from its query (`kind` defaults to one household's complaint). */
export const refFromRoute = (kind: string, id: string): CaseRef => ({ kind: kind === 'group' ? 'group' : 'complaint', id });
