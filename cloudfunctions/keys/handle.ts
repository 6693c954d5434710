import { keysActions } from '@shared/contracts/keys.contract';
import { defineFunction } from '../_shared/router';
import { deposits, signDeposits } from './deposits';
import { count, inventory, signInventory } from './inventory';
import { giveBack, lend, loans, mine, sign, staff } from './loans';
import { add, list } from './register';
import { borrowLeft, bringBackLeft, giveToResident, leaveKey, leftKeys } from './left';

/** Issue 19, 2: the key register (K1), loans and their deposits, residents' keys left for a technician's visit (K2), and the monthly inventory (K3). */
export const handle = defineFunction('keys', keysActions, {
  add,
  list,
  staff,
  lend,
  sign,
  giveBack,
  loans,
  mine,
  deposits,
  signDeposits,
  inventory,
  count,
  signInventory,
  leaveKey,
  borrowLeft,
  bringBackLeft,
  giveToResident,
  leftKeys,
});
