/** What other areas may use of keys (issue 15, 3): the timer's sweep (K2 overdue loans, K3 the inventory's reminders), and its reads and loan view for the printed forms (issue 19, 4). */
export { keySweeps } from './sweeps';
export { findInventory, findLoan } from './keys.repo';
export { loanView } from './views';
