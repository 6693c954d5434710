/**
 * Issue 15 (5): each function lists its handlers by name, one per contract action: a module spread
 * into the table would make every export an action, and a missing one leaves an action unanswered.
 */
import { deployedFunctions } from '@shared/areas';
import { deployedCatalogue } from '@shared/contracts';
import { functions } from './harness';

describe('handler tables', () => {
  // Issue 16: a deployed function (an area's own or one of its parts) handles exactly the actions the registry routes to it.
  it.each(deployedFunctions.map((f) => f.name))('%s handles exactly the actions of its contract the registry deploys it with', (fn) => {
    expect([...functions[fn].handled].sort()).toEqual(Object.keys(deployedCatalogue[fn]).sort());
  });
});
