import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { Role } from '../model/member.model';

export const MyData = z.object({
  memberships: z.array(z.object({ propertyId: z.string(), role: Role, name: z.string(), phone: z.string(), rooms: z.array(z.string()), status: z.string(), since: z.string() })),
  bindings: z.array(z.object({ propertyId: z.string(), address: z.string(), name: z.string(), phone: z.string(), relation: z.string(), status: z.string(), at: z.string() })),
  repairs: z.array(z.object({ id: z.string(), address: z.string(), description: z.string(), phone: z.string(), photos: z.number().check(z.int()), status: z.string(), at: z.string() })),
  complaints: z.array(z.object({ id: z.string(), address: z.string(), description: z.string(), phone: z.string(), photos: z.number().check(z.int()), status: z.string(), at: z.string() })),
  callbacks: z.array(z.object({ kind: z.string(), status: z.string(), notes: z.string(), at: z.string() })),
  erasure: z.nullable(z.object({ status: z.enum(['pending', 'done']), requestedAt: z.string() })),
});

/** PIPL: everything the property holds about the caller, in one place (their own data, so their numbers in full). */
export const myData = defineAction({
  fn: 'members',
  name: 'myData',
  input: z.strictObject({ ...scoped }),
  output: MyData,
  roles: 'any-signed-in',
  write: false,
  errors: [],
});

/** PIPL: the caller asks the property to delete their data; the manager is told and carries it out. */
export const requestErasure = defineAction({
  fn: 'members',
  name: 'requestErasure',
  input: z.strictObject({ ...scoped, ...commandFields, reason: z.string().check(z.trim(), z.maxLength(300)) }),
  output: z.object({ status: z.enum(['pending', 'done']), requestedAt: z.string() }),
  roles: 'any-signed-in',
  write: true,
  errors: [],
});

export const ErasureView = z.object({ id: z.string(), name: z.string(), reason: z.string(), status: z.enum(['pending', 'done']), requestedAt: z.string(), openTickets: z.number().check(z.int()) });

export const erasureRequests = defineAction({
  fn: 'members',
  name: 'erasureRequests',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(ErasureView),
  roles: ['manager'],
  write: false,
  errors: [],
});

/**
 * PIPL: the manager erases a person: their membership ends and every record the property keeps
 * (work orders, complaints, callbacks, binding requests) loses their name, phone and photos. Not
 * while a repair or complaint of theirs is still open: it is finished first.
 */
export const erase = defineAction({
  fn: 'members',
  name: 'erase',
  input: z.strictObject({ ...scoped, ...commandFields, erasureId: DocId }),
  output: ErasureView,
  roles: ['manager'],
  write: true,
  errors: ['PRIVACY.NOT_FOUND', 'PRIVACY.OPEN_TICKETS'],
});

export const privacyActions = { myData, requestErasure, erasureRequests, erase } as const;
