import { fileGrantMachine, grantPhase, type FileGrantAction } from '@shared/domain/file-grant.machine';
import { transition, type Actor } from '@shared/domain/state-machine';
import type { FileGrantDoc, FileGrantStatus } from '@shared/model/resident-file.model';

const UNTIL = '2026-11-23T03:00:00.000Z';
const before = new Date(Date.parse(UNTIL) - 1);
const times = { holding: before, lapsed: new Date(UNTIL) };
const grant = (status: FileGrantStatus, until: string | null = UNTIL) => ({ status, version: 2, until }) as FileGrantDoc;
const act = (g: FileGrantDoc, action: FileGrantAction, role: Actor, now = before) => transition(fileGrantMachine, g, { action, actor: 'u', role, now });
const outcome = (r: ReturnType<typeof act>) => (r.ok ? r.status : r.code);

describe('P1: the grant machine: the supervisor grants, refuses and revokes; the desk reads only while a grant holds', () => {
  it.each([
    ['granted', 'revoke', 'supervisor', 'holding', 'revoked'],
    ['granted', 'revoke', 'supervisor', 'lapsed', 'STATE.TOO_LATE'],
    ['granted', 'revoke', 'desk', 'holding', 'STATE.ROLE_NOT_ALLOWED'],
    ['granted', 'revoke', 'manager', 'holding', 'STATE.ROLE_NOT_ALLOWED'],
    ['requested', 'revoke', 'supervisor', 'holding', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['refused', 'revoke', 'supervisor', 'holding', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['revoked', 'revoke', 'supervisor', 'holding', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['granted', 'read', 'desk', 'holding', 'granted'],
    ['granted', 'read', 'desk', 'lapsed', 'STATE.TOO_LATE'],
    ['revoked', 'read', 'desk', 'holding', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['revoked', 'grant', 'supervisor', 'holding', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['granted', 'read', 'supervisor', 'holding', 'STATE.ROLE_NOT_ALLOWED'],
  ] as const)('P1: %s, %s by %s while %s → %s', (status, action, role, when, expected) => {
    expect(outcome(act(grant(status), action, role, times[when]))).toBe(expected);
  });

  it('P1: a revoke is a transition with its event, one version on', () => {
    const r = act(grant('granted'), 'revoke', 'supervisor');
    expect(r.ok && r.event).toMatchObject({ machine: 'fileGrant', action: 'revoke', from: 'granted', to: 'revoked', version: 3 });
  });

  it('P1: a revoked grant reads as revoked whatever the clock; a granted one lapses to expired at its minute', () => {
    expect(grantPhase(grant('revoked', '2026-11-23T02:10:00.000Z'), new Date('2026-11-24T00:00:00Z'))).toBe('revoked');
    expect(grantPhase(grant('granted'), before)).toBe('granted');
    expect(grantPhase(grant('granted'), new Date(UNTIL))).toBe('expired');
  });
});
