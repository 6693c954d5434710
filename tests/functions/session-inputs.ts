import { PROPERTY } from './harness';

/** A valid input for the session actions not in valid-inputs.ts, for the bad-input and authorisation harnesses. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'session.waiting': { propertyId: PROPERTY },
});
