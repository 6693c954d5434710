import * as c from '@shared/contracts/repairs.contract';
import { defineFunction } from '../_shared/router';
import { createRepair, registerRepair } from './create';
import { findResidents } from './residents';

/**
 * Issue 16: the repairs area's own function is the filing: a resident's repair, and the desk's filed for
 * a caller (with the residents it finds for it). The reads (repairs-reads), the desk's handling
 * (repairs-desk) and the order's steps (repairs-steps) are the area's parts, each its own deployed
 * function; the handlers stay in this folder.
 */
export const handle = defineFunction(
  'repairs',
  { create: c.create, register: c.register, findResidents: c.findResidents },
  // Issue 16: create reads no command record first: a replay found at its record's insert gives back the place of the
  // day it took beside its transaction (daily-limits.ts `alongsideDailyLimit`), and its text check stores nothing (the
  // checks it queues are in its transaction, and sent only when it committed).
  { create: createRepair, register: registerRepair, findResidents },
);
