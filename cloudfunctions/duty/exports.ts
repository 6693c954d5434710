/** What other areas may use of the duty log (issue 15, 3): the timer's sweeps (D2 unsigned days, D3 late handovers). */
export { flagLateHandovers, flagUnsignedDutyDays } from './sweeps';
