import * as privacy from '@shared/contracts/privacy.contract';
import { defineFunction, writesFirst } from '../_shared/router';
import { erase, erasureRequests, myData, requestErasure } from '../members/privacy';

/** Issue 16: the members area's part for a person's own data: what is kept of her, and its erasure on request. */
export const handle = defineFunction(
  'members-privacy',
  { myData: privacy.myData, requestErasure: privacy.requestErasure, erasureRequests: privacy.erasureRequests, erase: privacy.erase },
  { myData, requestErasure, erasureRequests, erase: writesFirst(erase) },
);
