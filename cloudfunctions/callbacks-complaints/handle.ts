import * as c from '@shared/contracts/callbacks.contract';
import { defineFunction } from '../_shared/router';
import { raiseComplaint } from '../callbacks/raise-complaint';

/** Issue 16: the callbacks area's part for a complaint raised from a callback (B2): it carries the complaint intake. */
export const handle = defineFunction('callbacks-complaints', { raiseComplaint: c.raiseComplaint }, { raiseComplaint });
