import * as contract from '@shared/contracts/complaints.contract';
import { defineFunction, replaysFirst } from '../_shared/router';
import { createComplaint, registerComplaint } from './intake';

/**
 * Issue 16: the complaints area's own function is the filing: a resident's complaint and the desk's filed
 * for a caller. The desk's handling (complaints-desk) and the follow-up (complaints-reads: the reads, the
 * register, the resident's rating) are the area's parts, each its own deployed function; the handlers
 * stay in this folder.
 */
export const handle = defineFunction(
  'complaints',
  { create: contract.create, register: contract.register },
  // Issue 16: create reads its command's record first (replaysFirst, router.ts): a replay must not take a place of the day nor send the text to be checked again.
  { create: replaysFirst(createComplaint), register: registerComplaint },
);
