/**
 * What other areas may use of keys (issue 15, 3): the timer's sweep (K2 overdue loans, K3 the
 * inventory's reminders), its reads and loan view for the printed forms (issue 19, 4), and the
 * register's writes for an import (K1).
 */
export { keySweeps } from './sweeps';
export { findInventory, findLoan } from './keys.repo';
export { loanView } from './views';
export { keysHeld, registerKeys } from './register';
