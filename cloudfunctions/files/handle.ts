import { filesActions } from '@shared/contracts/files.contract';
import { defineFunction } from '../_shared/router';
import { contact } from './contact';
import { ask, decide, grants } from './grants';
import { log } from './log';
import { keep, read } from './read';

/** Issue 19, 3: resident files (P1): read only under the supervisor's grant, every read logged; the desk contacts residents by notice. */
export const handle = defineFunction('files', filesActions, { ask, grants, decide, read, keep, log, contact });
