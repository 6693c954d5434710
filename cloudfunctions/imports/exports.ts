/** What other areas may use of imports (issue 15, 3): the timer's sweep that finishes a queued import. */
export { carryOnImports } from './sweep';
