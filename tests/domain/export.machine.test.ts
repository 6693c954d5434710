import { EXPORT_BUILD_SECONDS, exportMachine, exportPhase } from '@shared/domain/export.machine';
import { birth, transition } from '@shared/domain/state-machine';
import { exportModel } from '@shared/model/export.model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const stored = exportModel.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'export.v1.json'), 'utf8')));

const at = new Date('2026-12-02T02:00:00.000Z');
const building = { status: 'building' as const, startedAt: at.toISOString() };

describe('issue 17 (2): an export building, then ready or failed', () => {
  it('is born building, and only a building one is finished or failed', () => {
    expect(birth(exportMachine, 'start', { actor: 'o', role: 'supervisor', now: at }).to).toBe('building');
    const entity = { ...stored, ...building, version: 1 };
    expect(transition(exportMachine, entity, { action: 'finish', actor: 'o', role: 'manager', now: at })).toMatchObject({ ok: true, status: 'ready', version: 2 });
    expect(transition(exportMachine, { ...entity, status: 'ready' as const }, { action: 'fail', actor: 'o', role: 'manager', now: at })).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(transition(exportMachine, entity, { action: 'finish', actor: 'o', role: 'desk', now: at })).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });

  it('a build outliving the reports function\'s time limit shows failed; a finished one keeps its status', () => {
    const limit = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudfunctions', 'reports', 'area.json'), 'utf8')) as { function: { timeout: number } }).function.timeout;
    expect(EXPORT_BUILD_SECONDS).toBe(limit);
    expect(exportPhase(building, new Date(at.getTime() + limit * 1000))).toBe('building');
    expect(exportPhase(building, new Date(at.getTime() + limit * 1000 + 1))).toBe('failed');
    expect(exportPhase({ ...building, status: 'ready' }, new Date(at.getTime() + 86_400_000))).toBe('ready');
  });
});
