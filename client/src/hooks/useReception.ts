import { useCallback, useRef, useState } from 'react';
import type * as z from 'zod/mini';
import * as reception from '@shared/contracts/reception.contract';
import { call, type CallInput } from '../api';
import { newCommandId } from '../api/command-id';
import { usePagedAction } from './usePagedAction';
import { useDraftSend } from './useDraftSend';
import { useReadySession } from './useSession';

export type ReceptionView = reception.ReceptionViewT;
export type GroupVisitView = z.infer<typeof reception.GroupVisitView>;
export type LogInput = CallInput<typeof reception.log>;
export type GroupVisitInput = CallInput<typeof reception.planGroupVisit>;

/** A kept draft's command id, made on its first send (see useDraftSend). */
type Draft = { commandId: string | null };
type Update = (patch: { commandId: string }) => void;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** V1 V2: one Shanghai day's ("YYYY-MM-DD") reception log, in order of time, calls that became repairs or complaints included. */
export const useReceptionLog = (date: string) => {
  const scope = useScope();
  return usePagedAction(reception.receptionLog, scope ? { ...scope, date } : null, { live: ['role'] });
};

/** V3: the group visits arriving on one Shanghai day, in order of arrival. */
export const useGroupVisits = (date: string) => {
  const scope = useScope();
  return usePagedAction(reception.groupVisits, scope ? { ...scope, date } : null, { live: ['role'] });
};

/** V1 V2: a walk-in or a call, logged from a kept draft; fields the contract rejects get the form's own words. */
export const useLogVisit = <F extends string>(fieldErrors: Readonly<Record<F, string>>) => {
  const { send, ...state } = useDraftSend(fieldErrors);
  const log = (input: LogInput, draft: Draft, update: Update) => send(reception.log, input, draft, update);
  return { ...state, log };
};

/** V3: a group visit, planned from a kept draft. */
export const usePlanGroupVisit = <F extends string>(fieldErrors: Readonly<Record<F, string>>) => {
  const { send, ...state } = useDraftSend(fieldErrors);
  const plan = (input: GroupVisitInput, draft: Draft, update: Update) => send(reception.planGroupVisit, input, draft, update);
  return { ...state, plan };
};

/**
 * V1: the result of an unsettled visit or call, written against the version on screen. The same text
 * sent again (a second click after a dropped network) goes under the same command id, so it is written once.
 */
export const useWriteResult = () => {
  const [busy, setBusy] = useState(false);
  const sent = useRef<{ key: string; commandId: string } | null>(null);
  const write = useCallback(async (input: CallInput<typeof reception.writeResult>) => {
    const key = JSON.stringify(input);
    const commandId = sent.current?.key === key ? sent.current.commandId : newCommandId();
    sent.current = { key, commandId };
    setBusy(true);
    const res = await call(reception.writeResult, input, { commandId });
    setBusy(false);
    return res;
  }, []);
  return { busy, write };
};
