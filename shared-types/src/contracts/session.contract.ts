import * as z from 'zod';
import { defineAction, scoped } from './action';
import { Role } from '../model/member.model';

export const Membership = z.object({
  propertyId: z.string(),
  propertyName: z.string(),
  memberId: z.string(),
  role: Role,
  name: z.string(),
});

/** Every property the caller belongs to, so the client can pick one (most people have one). */
export const me = defineAction({
  fn: 'session',
  name: 'me',
  input: z.object({}).strict(),
  output: z.object({ memberships: z.array(Membership) }),
  roles: 'any-signed-in',
  write: false,
});

export const RoomView = z.object({ roomId: z.string(), label: z.string() });

/** The caller's place in one property: who they are there, its desk phone, their rooms, what to watch. */
export const context = defineAction({
  fn: 'session',
  name: 'context',
  input: z.object({ ...scoped }).strict(),
  output: z.object({
    memberId: z.string(),
    role: Role,
    name: z.string(),
    property: z.object({ propertyId: z.string(), name: z.string(), deskPhone: z.string() }),
    rooms: z.array(RoomView),
    /** Signal ids whose change means "fetch again". */
    signals: z.array(z.string()),
    onShift: z.boolean(),
    /** Cloud-storage folder the caller may upload into; storage rules and functions both check it. */
    uploadPrefix: z.string(),
  }),
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
});

/** The polling fallback of the live watch: current sequence numbers of the caller's signals. */
export const signals = defineAction({
  fn: 'session',
  name: 'signals',
  input: z.object({ ...scoped }).strict(),
  output: z.object({ signals: z.array(z.object({ id: z.string(), seq: z.number() })) }),
  roles: ['resident', 'desk', 'supervisor', 'technician', 'manager'],
  write: false,
});

export const sessionActions = { me, context, signals } as const;
