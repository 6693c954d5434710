import { reportsActions } from '@shared/contracts/reports.contract';
import { defineFunction, writesFirst } from '../_shared/router';
import { compare } from './compare';
import { recentExports } from './export-records';
import { exportXlsx, period } from './report';

/** Issue 17 (2), issue 14 (3): the supervisor's and manager's reports with their Excel files, and the administrator's comparison of properties. */
export const handle = defineFunction('reports', reportsActions, { period, exportXlsx: writesFirst(exportXlsx), compare, recentExports });
