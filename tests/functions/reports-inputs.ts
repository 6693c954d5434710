import { PROPERTY } from './harness';

/** A valid input for every action of the reports function (issue 17, 2; issue 14, 3), for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'reports.period': { propertyId: PROPERTY, period: '2026-11' },
  'reports.exportXlsx': { propertyId: PROPERTY, commandId: 'bad-input-export', period: '2026-11-16' },
  'reports.compare': { period: '2026-Q4' },
  'reports.recentExports': { propertyId: PROPERTY },
});
