import { memberIdOf, PROPERTY } from './harness';

/** A valid input for the key register's import (issue 19, 2: K1), for the bad-input and authorisation harnesses; the rooms import's are in valid-inputs.ts. */
export const areaInputs = (): Record<string, Record<string, unknown>> => ({
  'imports.keyTemplate': { propertyId: PROPERTY },
  'imports.previewKeys': { propertyId: PROPERTY, commandId: 'bad-input-key-preview', fileName: 'keys.csv', fileId: `cloud://local.local/uploads/${memberIdOf('o-desk-chen')}/keys.csv` },
  'imports.commitKeys': { propertyId: PROPERTY, commandId: 'bad-input-key-commit', importId: 'kimp_x' },
});
