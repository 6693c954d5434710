import { defineArea } from './area';

/**
 * Printable forms (issue 19, 4): the seed's paper forms as Excel files. Its own area so that exceljs
 * is carried by this function alone, not by every area whose record it prints.
 */
export const formsArea = defineArea({
  name: 'forms',
  contracts: ['forms'],
  notices: {},
  timerSteps: {},
  pages: [],
});
