import * as z from 'zod';
import { calendarDate } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';

const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ReceptionView = z.object({
  id: z.string(),
  kind: z.enum(['walk_in', 'phone']),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  subject: z.string(),
  department: z.string(),
  responsible: z.string(),
  recorder: z.string(),
  at: z.string(),
  settled: z.boolean(),
  replyBy: z.string().nullable(),
  result: z.object({ text: z.string(), by: z.string(), at: z.string() }).nullable(),
  linked: z.object({ kind: z.enum(['repair', 'complaint']), id: z.string() }).nullable(),
  version: z.number().int(),
});
export type ReceptionViewT = z.infer<typeof ReceptionView>;

/**
 * V1 V2: a walk-in or a call, logged by the desk: name, address, phone, subject, the department and
 * person responsible; settled on the spot, or a reply time agreed (then the department head is told
 * the same day).
 */
export const log = defineAction({
  fn: 'visits',
  name: 'log',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      kind: z.enum(['walk_in', 'phone']),
      name: Text(40),
      address: z.string().trim().max(40),
      phone: z.string().regex(/^[0-9+\- ]{0,20}$/),
      subject: Text(500),
      department: z.string().trim().max(40),
      responsible: z.string().trim().max(40),
      settled: z.boolean(),
      replyBy: Instant.nullable(),
    })
    .strict(),
  output: ReceptionView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['RECEPTION.REPLY_TIME_REQUIRED'],
});

/** V1: the result of an unsettled visit or call, written back into the log. */
export const writeResult = defineAction({
  fn: 'visits',
  name: 'writeResult',
  input: z.object({ ...scoped, ...commandFields, receptionId: DocId, version: z.number().int().positive(), text: Text(500) }).strict(),
  output: ReceptionView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['RECEPTION.NOT_FOUND'],
});

/** V1 V2: a day's reception log, calls that became repairs or complaints included. */
export const receptionLog = defineAction({
  fn: 'visits',
  name: 'receptionLog',
  input: z.object({ ...scoped, date: calendarDate, ...pageInput }).strict(),
  output: pageOf(ReceptionView).extend({ date: z.string() }),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const GroupVisitView = z.object({
  id: z.string(),
  names: z.array(z.string()),
  headcount: z.number().int(),
  arrivalAt: z.string(),
  departureAt: z.string(),
  itinerary: z.string(),
  host: z.string(),
});

/** V3: a group visit; staff are reminded 30 minutes before it arrives. */
export const planGroupVisit = defineAction({
  fn: 'visits',
  name: 'planGroupVisit',
  input: z
    .object({
      ...scoped,
      ...commandFields,
      names: z.array(Text(40)).min(1).max(50),
      headcount: z.number().int().min(1).max(500),
      arrivalAt: Instant,
      departureAt: Instant,
      itinerary: Text(500),
    })
    .strict(),
  output: GroupVisitView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['GROUP_VISIT.TIMES'],
});

export const groupVisits = defineAction({
  fn: 'visits',
  name: 'groupVisits',
  input: z.object({ ...scoped, date: calendarDate, ...pageInput }).strict(),
  output: pageOf(GroupVisitView),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const receptionActions = { log, writeResult, receptionLog, planGroupVisit, groupVisits } as const;
