/** What other areas may use of the duty log (issue 15, 3): its reads for the printed forms (issue 19, 4). The timer reaches its sweeps (D2, D3) through `timer.ts`. */
export { findDay, findHandover, findPage, pagesOfDay } from './duty.repo';
