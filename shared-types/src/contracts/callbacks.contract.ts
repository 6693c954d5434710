import * as z from 'zod';
import { commandFields, defineAction, DocId, scoped } from './action';
import { CallbackKind, CallbackReason } from '../model/callback.model';

export const CallbackView = z.object({
  id: z.string(),
  kind: CallbackKind,
  reason: CallbackReason,
  subjectId: z.string(),
  status: z.enum(['open', 'done']),
  version: z.number().int(),
  residentName: z.string(),
  /** The desk calls: the full number. */
  phone: z.string(),
  address: z.string(),
  dueAt: z.string(),
  /** C7: the manager calls back on major complaints. */
  assignee: z.enum(['desk', 'manager']),
  overdue: z.boolean(),
  outcome: z
    .object({ reached: z.boolean(), satisfied: z.boolean().nullable(), notes: z.string(), method: z.enum(['phone', 'home_visit']), at: z.string() })
    .nullable(),
});
export type CallbackView = z.infer<typeof CallbackView>;

/** B1: the desk's callback queue: open tasks, soonest due first, optionally of one kind. */
export const queue = defineAction({
  fn: 'callbacks',
  name: 'queue',
  input: z.object({ ...scoped, kind: CallbackKind.optional() }).strict(),
  output: z.object({ items: z.array(CallbackView) }),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
});

/** R10 B2: the outcome of a callback: reached or not, satisfied or not, notes, by phone or at home. */
export const record = defineAction({
  fn: 'callbacks',
  name: 'record',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      callbackId: DocId,
      version: z.number().int().positive(),
      reached: z.boolean(),
      satisfied: z.boolean().nullable(),
      notes: z.string().trim().max(500),
      method: z.enum(['phone', 'home_visit']),
    })
    .strict(),
  output: CallbackView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
});

export const callbacksActions = { queue, record } as const;
