/** What other areas may use of keys (issue 15, 3): the timer's sweep (K2 overdue loans, K3 the inventory's reminders). */
export { keySweeps } from './sweeps';
