/**
 * Issue 15 (5): each function lists its handlers by name, one per contract action: a module spread
 * into the table would make every export an action, and a missing one leaves an action unanswered.
 */
import { catalogue, functionNames } from '@shared/contracts';
import { functions } from './harness';

describe('handler tables', () => {
  it.each(functionNames)('%s handles exactly the actions of its contract', (fn) => {
    expect([...functions[fn].handled].sort()).toEqual(Object.keys(catalogue[fn]).sort());
  });
});
