import { formsActions } from '@shared/contracts/forms.contract';
import { defineFunction } from '../_shared/router';
import { callbackRecord } from './callback-record';
import { complaintSlip } from './complaint-slip';
import { dutyDay } from './duty-day';
import { handover } from './handover';
import { keyInventory } from './key-inventory';
import { keyLoan } from './key-loan';
import { workOrder } from './work-order';

/** Issue 19 (4): the seed's paper forms as Excel files, each authorised like the record it prints. */
export const handle = defineFunction('forms', formsActions, { workOrder, callbackRecord, complaintSlip, dutyDay, handover, keyLoan, keyInventory });
