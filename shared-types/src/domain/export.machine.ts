import { defineMachine } from './state-machine';
import type { ExportDoc, ExportStatus } from '../model/export.model';

/** The reports function's time limit (cloudfunctions/reports/area.json): a build still running after it has died with the function. */
export const EXPORT_BUILD_SECONDS = 20;

export type ExportAction = 'start' | 'finish' | 'fail';

const staff = ['supervisor', 'manager'] as const;

/** Issue 17 (2): an export is recorded building, then finished ready once its file is stored, or failed. */
export const exportMachine = defineMachine<ExportStatus, ExportAction, ExportDoc>({
  name: 'export',
  states: ['building', 'ready', 'failed'],
  transitions: {
    start: { from: [], to: 'building', roles: staff },
    finish: { from: ['building'], to: 'ready', roles: staff },
    fail: { from: ['building'], to: 'failed', roles: staff },
  },
});

/** Issue 17 (2): what an export is at `now`: a build still marked building after the function's time limit died with it. */
export const exportPhase = (e: Pick<ExportDoc, 'status' | 'startedAt'>, now: Date): ExportStatus =>
  e.status === 'building' && now.getTime() - Date.parse(e.startedAt) > EXPORT_BUILD_SECONDS * 1000 ? 'failed' : e.status;
