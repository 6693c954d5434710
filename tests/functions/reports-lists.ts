import { company } from '@shared/contracts';
import * as reports from '@shared/contracts/reports.contract';
import { ADMIN, callAs, expectOk, newCommandId, PROPERTY, SUPERVISOR } from './harness';
import type { ListCase } from './list-cases';

/** The administrator's comparison of properties (issue 14, 3) and a member's recent exports (issue 17, 2). */
export const areaLists: ListCase[] = [
  {
    name: 'reports.compare',
    who: ADMIN,
    action: reports.compare,
    input: { period: '2026-11' },
    seed: async (rt) => {
      const create = (i: number) => ({ commandId: newCommandId(), propertyId: `court-${i}`, name: `第${i}苑`, address: '', deskPhone: '021-66660000' });
      for (let i = 0; i < 4; i++) expectOk(await callAs(rt, ADMIN, company.createProperty, create(i)));
      return 5;
    },
  },
  {
    name: 'reports.recentExports',
    who: SUPERVISOR,
    action: reports.recentExports,
    input: { propertyId: PROPERTY },
    seed: async (rt) => {
      for (const period of ['2026-11', '2026-10', '2026-Q3']) {
        expectOk(await callAs(rt, SUPERVISOR, reports.exportXlsx, { propertyId: PROPERTY, period }));
        rt.clock.advanceMinutes(1);
      }
      return 3;
    },
  },
];
