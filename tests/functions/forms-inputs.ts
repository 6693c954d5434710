import { PROPERTY } from './harness';

/** A valid input for every action of the forms function (issue 19, 4), for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'forms.workOrder': { propertyId: PROPERTY, repairId: 'rp_x' },
  'forms.callbackRecord': { propertyId: PROPERTY, callbackId: 'cb_x' },
  'forms.complaintSlip': { propertyId: PROPERTY, ref: { kind: 'complaint', id: 'cp_x' } },
  'forms.dutyDay': { propertyId: PROPERTY, date: '2026-11-23' },
  'forms.handover': { propertyId: PROPERTY, handoverId: `${PROPERTY}~2026-11-23~0800` },
  'forms.keyLoan': { propertyId: PROPERTY, loanId: 'kl_x' },
  'forms.keyInventory': { propertyId: PROPERTY, month: '2026-11' },
});
