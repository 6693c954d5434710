import { useCallback, useRef, useState } from 'react';
import * as keys from '@shared/contracts/keys.contract';
import type { KeyKind } from '@shared/model/key.model';
import { call, type CallInput } from '../api';
import { newCommandId } from '../api/command-id';
import { useAction } from './useAction';
import { usePagedAction } from './usePagedAction';
import { useReadySession } from './useSession';

export type KeyView = keys.KeyViewT;
export type LoanView = keys.LoanViewT;
export type InventoryView = keys.InventoryViewT;
export type LeftKeyView = keys.LeftKeyViewT;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** K1: one kind's keys, by label. */
export const useKeyList = (kind: KeyKind) => {
  const scope = useScope();
  return usePagedAction(keys.list, scope ? { ...scope, kind } : null);
};

/** K2: the loans still out, the earliest due first. */
export const useOpenLoans = () => usePagedAction(keys.loans, useScope());

/** K2: the staff a key can be lent to. */
export const useKeyStaff = () => useAction(keys.staff, useScope());

/** K2: the caller's own loans still out, to sign for on their phone. */
export const useMyLoans = () => usePagedAction(keys.mine, useScope());

/** K2: residents' keys left at the desk for a technician's visit; a technician gets those left for him. */
export const useLeftKeys = () => usePagedAction(keys.leftKeys, useScope());

/** K2: a day's deposit reconciliation. */
export const useDepositDay = (date: string) => {
  const scope = useScope();
  return useAction(keys.deposits, scope ? { ...scope, date } : null);
};

/** K3: a month's inventory. */
export const useInventory = (month: string) => {
  const scope = useScope();
  return useAction(keys.inventory, scope ? { ...scope, month } : null);
};

export type KeyWrite =
  | typeof keys.add
  | typeof keys.lend
  | typeof keys.sign
  | typeof keys.giveBack
  | typeof keys.signDeposits
  | typeof keys.count
  | typeof keys.signInventory
  | typeof keys.leaveKey
  | typeof keys.borrowLeft
  | typeof keys.bringBackLeft
  | typeof keys.giveToResident;

/**
 * A write of the keys area, sent once per input: the same input sent again (a second tap after a
 * dropped network) goes under the same command id, so it is applied once.
 */
export const useKeyWrite = <A extends KeyWrite>(action: A) => {
  const [busy, setBusy] = useState(false);
  const sent = useRef<{ key: string; commandId: string } | null>(null);
  const send = useCallback(
    async (input: CallInput<A>) => {
      const key = JSON.stringify(input);
      const commandId = sent.current?.key === key ? sent.current.commandId : newCommandId();
      sent.current = { key, commandId };
      setBusy(true);
      const res = await call(action, input, { commandId });
      setBusy(false);
      return res;
    },
    [action],
  );
  return { busy, send };
};
