import type { Action, FunctionName } from './action';
import { sessionActions } from './session.contract';
import { repairsActions } from './repairs.contract';
import { callbacksActions } from './callbacks.contract';
import { complaintsActions } from './complaints.contract';
import { membersActions } from './members.contract';
import { companyActions } from './company.contract';
import { importsActions } from './imports.contract';
import { visitsActions } from './visits.contract';
import { dutyActions } from './duty.contract';
import { keysActions } from './keys.contract';
import { reportsActions } from './reports.contract';

export * from './action';
export * from './errors';
export * as session from './session.contract';
export * as repairs from './repairs.contract';
export * as callbacks from './callbacks.contract';
export * as complaints from './complaints.contract';
export * as members from './members.contract';
export * as company from './company.contract';
export * as settings from './settings.contract';
export * as imports from './imports.contract';
export * as privacy from './privacy.contract';
export * as visits from './visits.contract';
export * as reception from './reception.contract';
export * as duty from './duty.contract';
export * as keys from './keys.contract';
export * as reports from './reports.contract';

/** Every action of every function, by function: the router, the client and the test harnesses read this. */
export const catalogue: Record<FunctionName, Record<string, Action>> = {
  session: sessionActions,
  repairs: repairsActions,
  callbacks: callbacksActions,
  complaints: complaintsActions,
  members: { ...membersActions, ...companyActions },
  imports: importsActions,
  visits: visitsActions,
  duty: dutyActions,
  keys: keysActions,
  reports: reportsActions,
};
