import { defineMachine } from './state-machine';
import type { ExportDoc, ExportStatus } from '../model/export.model';

/** The reports function's time limit (cloudfunctions/reports/area.json): a build still running after it has died with the function. */
export const EXPORT_BUILD_SECONDS = 20;

/**
 * How long an export and its file are kept: the member finds it in 最近导出 for this many days, after
 * which the timer deletes its file from storage and marks it expired.
 */
export const EXPORT_KEPT_DAYS = 7;

export type ExportAction = 'start' | 'finish' | 'fail' | 'expire';

const staff = ['supervisor', 'manager'] as const;

/**
 * Issue 17 (2): an export is recorded building, then finished ready once its file is stored, or failed
 * (by its own build, or by a retry of its command that finds the build dead); after EXPORT_KEPT_DAYS
 * the timer expires it, whatever it became, once its file is deleted.
 */
export const exportMachine = defineMachine<ExportStatus, ExportAction, ExportDoc>({
  name: 'export',
  states: ['building', 'ready', 'failed', 'expired'],
  transitions: {
    start: { from: [], to: 'building', roles: staff },
    finish: { from: ['building'], to: 'ready', roles: staff },
    fail: { from: ['building'], to: 'failed', roles: staff },
    expire: { from: ['building', 'ready', 'failed'], to: 'expired', roles: ['system'] },
  },
});

/** Whether a build still marked building has outlived the function's time limit at `now`: it died with it. */
export const buildDied = (e: Pick<ExportDoc, 'status' | 'startedAt'>, now: Date): boolean =>
  e.status === 'building' && now.getTime() - Date.parse(e.startedAt) > EXPORT_BUILD_SECONDS * 1000;

/** Issue 17 (2): what an export is at `now`: a build still marked building after the function's time limit died with it. */
export const exportPhase = (e: Pick<ExportDoc, 'status' | 'startedAt'>, now: Date): ExportStatus => (buildDied(e, now) ? 'failed' : e.status);

/** The exports started before this instant are due to expire at `now`. */
export const exportsKeptSince = (now: Date): Date => new Date(now.getTime() - EXPORT_KEPT_DAYS * 24 * 60 * 60 * 1000);
