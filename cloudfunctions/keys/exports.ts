/**
 * What other areas may use of keys (issue 15, 3): its reads and loan view for the printed forms
 * (issue 19, 4), the register's writes for an import (K1), and the keys left for a person's repairs for her erasure (PIPL). The timer reaches its sweep (K2
 * overdue loans, K3 the inventory's reminders) through `timer.ts`.
 */
export { findInventory, findLoan, leftKeysOfRepairs, rewriteLeftKeys } from './keys.repo';
export { loanView } from './views';
export { keysHeld, registerKeys } from './register';
