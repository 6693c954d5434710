import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, PropertyId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { IssuedInvitation, PropertySlug } from './members.contract';
import { TimerStep } from '../model/environment.model';
import { MAX_EXPIRY_HOURS, DEFAULT_EXPIRY_HOURS } from '../domain/invitation.rules';

/**
 * Issue 14: the company level. These actions are the administrator's alone: the router resolves the
 * caller's membership in the company's scope, not in the property an input names.
 */
const admin = ['admin'] as const;

const Phone = z.string().check(z.trim(), z.regex(/^[0-9+\- ]{5,20}$/));

export const PropertyView = z.object({
  propertyId: z.string(),
  name: z.string(),
  address: z.string(),
  deskPhone: z.string(),
  status: z.enum(['active', 'inactive']),
});
export type PropertyView = z.infer<typeof PropertyView>;

/** A property as the administrator watches it: who manages it, and what is piling up there. */
export const PropertyHealth = z.extend(PropertyView, {
  managers: z.array(z.object({ memberId: z.string(), name: z.string() })),
  /** Notices that could not be delivered after every attempt. */
  deadLetters: z.number().check(z.int()),
  /** C6: complaint registers flagged and still unsigned. */
  unsignedRegisters: z.number().check(z.int()),
});
export type PropertyHealth = z.infer<typeof PropertyHealth>;

/** The company's name and its timer's heartbeat (one timer serves every property). */
export const company = defineAction({
  fn: 'members',
  name: 'company',
  input: z.strictObject({}),
  output: z.object({
    name: z.string(),
    timer: z.object({ lastRunAt: z.nullable(z.string()), stale: z.boolean(), failedSteps: z.array(TimerStep) }),
  }),
  roles: admin,
  write: false,
  errors: [],
});

/** Every property of the company by id, with its health. */
export const properties = defineAction({
  fn: 'members',
  name: 'properties',
  input: z.strictObject({ ...pageInput }),
  output: pageOf(PropertyHealth),
  roles: admin,
  write: false,
  errors: [],
});

/** A new property; its settings copied from a template property (its people and rooms are not), or the defaults. */
export const createProperty = defineAction({
  fn: 'members',
  name: 'createProperty',
  input: z.strictObject({
    ...commandFields,
    propertyId: PropertySlug,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    address: z.string().check(z.trim(), z.maxLength(100)),
    deskPhone: Phone,
    template: z.optional(PropertyId),
  }),
  output: PropertyView,
  roles: admin,
  write: true,
  errors: ['PROPERTY.EXISTS', 'PROPERTY.NOT_FOUND'],
});

/**
 * An invitation to manage a property, handed to the person to be appointed; when `replaces` names
 * its current manager, that manager is stood down as the new one joins.
 */
export const appointManager = defineAction({
  fn: 'members',
  name: 'appointManager',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    replaces: z.optional(DocId),
    hours: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_EXPIRY_HOURS)), DEFAULT_EXPIRY_HOURS),
    note: z._default(z.string().check(z.trim(), z.maxLength(40)), ''),
  }),
  output: IssuedInvitation,
  roles: admin,
  write: true,
  errors: ['PROPERTY.NOT_FOUND', 'MEMBER.NOT_FOUND'],
});

/** The property becomes read-only: every write in it is refused from the next call; nothing is deleted. */
export const deactivateProperty = defineAction({
  fn: 'members',
  name: 'deactivateProperty',
  input: z.strictObject({ ...scoped, ...commandFields, reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  output: PropertyView,
  roles: admin,
  write: true,
  errors: ['PROPERTY.NOT_FOUND'],
});

export const companyActions = { company, properties, createProperty, appointManager, deactivateProperty } as const;
