/** What other areas may use of the duty log (issue 15, 3): the timer's sweeps (D2 unsigned days, D3 late handovers), and its reads for the printed forms (issue 19, 4). */
export { flagLateHandovers, flagUnsignedDutyDays } from './sweeps';
export { findDay, findHandover, findPage, pagesOfDay } from './duty.repo';
