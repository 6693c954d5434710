import * as members from '@shared/contracts/members.contract';
import { defineFunction, writesFirst } from '../_shared/router';
import { bootstrap } from './bootstrap';
import { invitations, invite, join } from './invitations';
import { deactivate, list, setRole, setSkills } from './management';

/**
 * Issue 7: who works in a property and in which role: the first manager, staff by invitation. Issue 16:
 * the residents' rooms, the privacy requests and the administration (the company's properties, a
 * property's settings) are the area's parts (members-residents, members-privacy, members-admin), each its own
 * deployed function: the action's handlers stay in this folder, each part's entry imports its own.
 */
export const handle = defineFunction(
  'members',
  {
    bootstrap: members.bootstrap,
    invite: members.invite,
    join: members.join,
    invitations: members.invitations,
    list: members.list,
    setRole: members.setRole,
    setSkills: members.setSkills,
    deactivate: members.deactivate,
  },
  {
    // The first bootstrap makes the record its transaction reads (a concurrent one must read it too: members.test.ts).
    bootstrap: writesFirst(bootstrap),
    invite,
    join,
    invitations,
    list,
    setRole,
    setSkills,
    deactivate,
  },
);
