import { filesActions } from '@shared/contracts/files.contract';
import { defineFunction } from '../_shared/router';
import { contact } from './contact';
import { ask, decide, grants, revoke } from './grants';
import { log } from './log';
import { inspect, keep, read } from './read';

/** Issue 19, 3: resident files (P1): read only under the supervisor's grant (which he may revoke) or by himself, every read logged; the desk contacts residents by notice. */
export const handle = defineFunction('files', filesActions, { ask, grants, decide, revoke, read, inspect, keep, log, contact });
