/** What other areas may use of keys (issue 15, 3): the timer's sweep (K2 overdue loans, K3 the inventory's reminders); the register's writes for an import (K1). */
export { keySweeps } from './sweeps';
export { keysHeld, registerKeys } from './register';
