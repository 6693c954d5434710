import { useCallback, useState } from 'react';
import type * as z from 'zod/mini';
import type { Action } from '@shared/contracts/action';
import * as complaints from '@shared/contracts/complaints.contract';
import { call, type CallInput, type CallOutput } from '../api';
import { toastError, toastOk } from '../utils/toast';
import { useAction } from './useAction';
import { usePagedAction, type PagedOptions } from './usePagedAction';
import { useReadySession } from './useSession';

export type CaseRef = complaints.CaseRef;
export type CaseView = complaints.CaseView;
export type ComplaintView = complaints.ComplaintView;
export type GroupView = complaints.GroupView;
export type CaseEvent = z.infer<typeof complaints.CaseEvent>;
export type RegisterView = z.infer<typeof complaints.RegisterView>;
export type RegisterRow = z.infer<typeof complaints.RegisterRow>;
export type Figures = z.infer<typeof complaints.Figures>;

const useScope = () => {
  const context = useReadySession();
  return context ? { propertyId: context.property.propertyId } : null;
};

/** 我的投诉: the resident's own complaints, newest first, page by page. */
export const useMyComplaints = () => usePagedAction(complaints.listMine, useScope(), { live: ['mine'] });

/** One case and its history; the server decides what the caller's role may see of it. */
export const useComplaint = (ref: CaseRef | null) => {
  const scope = useScope();
  return useAction(complaints.get, scope && ref?.id ? { ...scope, ref } : null, ['mine', 'role']);
};

/** C4 C9: the open cases in the server's order: top urgency first, then the soonest due. */
export const useComplaintInbox = (options?: PagedOptions) => usePagedAction(complaints.inbox, useScope(), { live: ['role'], ...options });

/** C6: one day's register ("YYYY-MM-DD", Shanghai) and every complaint still open. */
export const useComplaintRegister = (date: string) => {
  const scope = useScope();
  return useAction(complaints.registerOf, scope ? { ...scope, date } : null, ['role']);
};

/** C8: a month's ("2026-11") or a quarter's ("2026-Q4") figures. */
export const useComplaintFigures = (period: string) => {
  const scope = useScope();
  return useAction(complaints.figures, scope ? { ...scope, period } : null);
};

/**
 * One write on a case the page is showing: busy while it runs, a toast either way, the failure's
 * own Chinese sentence kept for the form to show, and the page reloaded afterwards (a version
 * conflict shows the newer state at once). Answers the function's output, or null.
 */
export const useComplaintStep = (onDone: () => void) => {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(
    async <A extends Action>(action: A, input: CallInput<A>, done: string): Promise<CallOutput<A> | null> => {
      setBusy(true);
      setProblem(null);
      const res = await call(action, input);
      setBusy(false);
      if (res.ok) toastOk(done);
      else {
        setProblem(res.message);
        toastError(res.message);
      }
      onDone();
      return res.ok ? res.data : null;
    },
    [onDone],
  );
  return { busy, problem, setProblem, run };
};
