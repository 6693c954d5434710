import * as z from 'zod/mini';
import { calendarDate, isoDateTime } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';

const Instant = isoDateTime({ offset: true });
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

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
  replyBy: z.nullable(z.string()),
  result: z.nullable(z.object({ text: z.string(), by: z.string(), at: z.string() })),
  linked: z.nullable(z.object({ kind: z.enum(['repair', 'complaint']), id: z.string() })),
  version: z.number().check(z.int()),
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
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    kind: z.enum(['walk_in', 'phone']),
    name: Text(40),
    address: z.string().check(z.trim(), z.maxLength(40)),
    phone: z.string().check(z.regex(/^[0-9+\- ]{0,20}$/)),
    subject: Text(500),
    department: z.string().check(z.trim(), z.maxLength(40)),
    responsible: z.string().check(z.trim(), z.maxLength(40)),
    settled: z.boolean(),
    replyBy: z.nullable(Instant),
  }),
  output: ReceptionView,
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['RECEPTION.REPLY_TIME_REQUIRED'],
});

/** V1: the result of an unsettled visit or call, written back into the log. */
export const writeResult = defineAction({
  fn: 'visits',
  name: 'writeResult',
  input: z.strictObject({ ...scoped, ...commandFields, receptionId: DocId, version: z.number().check(z.int(), z.positive()), text: Text(500) }),
  output: ReceptionView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['RECEPTION.NOT_FOUND'],
});

/** V1 V2: a day's reception log, calls that became repairs or complaints included. */
export const receptionLog = defineAction({
  fn: 'visits',
  name: 'receptionLog',
  input: z.strictObject({ ...scoped, date: calendarDate, ...pageInput }),
  output: z.extend(pageOf(ReceptionView), { date: z.string() }),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const GroupVisitView = z.object({
  id: z.string(),
  names: z.array(z.string()),
  headcount: z.number().check(z.int()),
  arrivalAt: z.string(),
  departureAt: z.string(),
  itinerary: z.string(),
  host: z.string(),
});

/** V3: a group visit; staff are reminded 30 minutes before it arrives. */
export const planGroupVisit = defineAction({
  fn: 'visits',
  name: 'planGroupVisit',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    names: z.array(Text(40)).check(z.minLength(1), z.maxLength(50)),
    headcount: z.number().check(z.int(), z.gte(1), z.lte(500)),
    arrivalAt: Instant,
    departureAt: Instant,
    itinerary: Text(500),
  }),
  output: GroupVisitView,
  roles: ['desk', 'supervisor', 'manager'],
  write: true,
  errors: ['GROUP_VISIT.TIMES'],
});

export const groupVisits = defineAction({
  fn: 'visits',
  name: 'groupVisits',
  input: z.strictObject({ ...scoped, date: calendarDate, ...pageInput }),
  output: pageOf(GroupVisitView),
  roles: ['desk', 'supervisor', 'manager'],
  write: false,
  errors: [],
});

export const receptionActions = { log, writeResult, receptionLog, planGroupVisit, groupVisits } as const;
