import * as z from 'zod/mini';
import { commandFields, defineAction, DocId, scoped } from './action';
import { pageInput, pageOf } from './page';
import { GRANT_MINUTES } from '../domain/file-grant.machine';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const overseers = ['supervisor', 'manager'] as const;

export const GrantView = z.object({
  id: z.string(),
  roomId: z.string(),
  roomLabel: z.string(),
  askedBy: z.string(),
  reason: z.string(),
  /** expired: granted, and its time has run out; revoked: the supervisor ended it before its time. */
  status: z.enum(['requested', 'granted', 'refused', 'revoked', 'expired']),
  until: z.nullable(z.string()),
  decidedBy: z.nullable(z.string()),
  createdAt: z.string(),
  version: z.number().check(z.int()),
});
export type GrantViewT = z.infer<typeof GrantView>;

/** P1: the desk asks the supervisor to read one household's file, saying why. */
export const ask = defineAction({
  fn: 'files',
  name: 'ask',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId, reason: Text(200) }),
  output: GrantView,
  roles: ['desk'],
  write: true,
  errors: ['FILE.ROOM_NOT_FOUND'],
});

/** P1: requests and grants, the newest first: the desk sees its own, the supervisor and the manager every one. */
export const grants = defineAction({
  fn: 'files',
  name: 'grants',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(GrantView),
  roles: ['desk', ...overseers],
  write: false,
  errors: [],
});

/** P1: the supervisor grants a request for a limited time, or refuses it. */
export const decide = defineAction({
  fn: 'files',
  name: 'decide',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    grantId: DocId,
    version: z.number().check(z.int(), z.positive()),
    decision: z.enum(['grant', 'refuse']),
    /** How long a grant holds; a refusal names none. */
    minutes: z.optional(z.number().check(z.int(), z.gte(GRANT_MINUTES.min), z.lte(GRANT_MINUTES.max))),
  }),
  output: GrantView,
  roles: ['supervisor'],
  write: true,
  errors: ['FILE.GRANT_NOT_FOUND', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/**
 * P1: the supervisor ends a grant before its time; the holder's next read is refused
 * (FILE.PERMISSION_REVOKED) and the revoke is in the access log. A grant already run out is too late.
 */
export const revoke = defineAction({
  fn: 'files',
  name: 'revoke',
  input: z.strictObject({ ...scoped, ...commandFields, grantId: DocId, version: z.number().check(z.int(), z.positive()) }),
  output: GrantView,
  roles: ['supervisor'],
  write: true,
  errors: ['FILE.GRANT_NOT_FOUND', 'STATE.TRANSITION_NOT_ALLOWED', 'STATE.TOO_LATE'],
});

export const FileView = z.object({
  roomId: z.string(),
  roomLabel: z.string(),
  /** The household's residents as their bindings made them; a phone only ever masked (P1). */
  residents: z.array(z.object({ name: z.string(), phone: z.string() })),
  vehicles: z.array(z.object({ plate: z.string(), note: z.string() })),
  memo: z.string(),
  repairs: z.array(z.object({ id: z.string(), createdAt: z.string(), description: z.string(), status: z.string() })),
  complaints: z.array(z.object({ id: z.string(), createdAt: z.string(), description: z.string(), status: z.string() })),
  updated: z.nullable(z.object({ by: z.string(), at: z.string() })),
  /** The file's version for `keep` (0: nothing kept yet). */
  version: z.number().check(z.int(), z.gte(0)),
  /** Until when the caller's grant lets them read it; null for the supervisor, who reads on his own authority. */
  readableUntil: z.nullable(z.string()),
});
export type FileViewT = z.infer<typeof FileView>;

/**
 * What a save answers (issue 16): the part of the file it changed, which the desk lays over the file it has on
 * screen. The household (residents, repairs, complaints) is what the read showed: a save does not read it again.
 */
export const KeptFile = z.pick(FileView, { roomId: true, vehicles: true, memo: true, updated: true, version: true, readableUntil: true });
export type KeptFileT = z.infer<typeof KeptFile>;

const fileErrors = ['FILE.PERMISSION_REQUIRED', 'FILE.PERMISSION_EXPIRED', 'FILE.PERMISSION_REVOKED', 'FILE.ROOM_NOT_FOUND'] as const;

/** P1: the desk reads a household's file under a grant that holds; the read is logged (who, when, which file, why). */
export const read = defineAction({
  fn: 'files',
  name: 'read',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId }),
  output: FileView,
  roles: ['desk'],
  write: true,
  errors: fileErrors,
});

/** P1: the desk keeps a household's vehicles and notes current, under a grant that holds. */
export const keep = defineAction({
  fn: 'files',
  name: 'keep',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    roomId: DocId,
    version: z.number().check(z.int(), z.gte(0)),
    vehicles: z.array(z.strictObject({ plate: Text(12), note: z.string().check(z.trim(), z.maxLength(40)) })).check(z.maxLength(10)),
    memo: z.string().check(z.trim(), z.maxLength(500)),
  }),
  output: KeptFile,
  roles: ['desk'],
  write: true,
  errors: fileErrors,
});

/** P1: the supervisor reads a household's file himself, saying why; the read is logged like any other. */
export const inspect = defineAction({
  fn: 'files',
  name: 'inspect',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId, reason: Text(200) }),
  output: FileView,
  roles: ['supervisor'],
  write: true,
  errors: ['FILE.ROOM_NOT_FOUND'],
});

/** P1: an entry of the access log: a read (`holder` null), or a grant revoked (`holder` names whose). */
export const ReadView = z.object({ id: z.string(), act: z.enum(['read', 'revoke']), roomLabel: z.string(), reader: z.string(), holder: z.nullable(z.string()), reason: z.string(), at: z.string() });
export type ReadViewT = z.infer<typeof ReadView>;

/** P1: the access log (reads and revokes), the newest first, for the supervisor and the manager. */
export const log = defineAction({
  fn: 'files',
  name: 'log',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(ReadView),
  roles: overseers,
  write: false,
  errors: [],
});

/**
 * P1: "contact the resident": an inquirer is never told a household's details; the desk sends its
 * residents a notice with the message instead. Answers how many were told, nothing about them.
 */
export const contact = defineAction({
  fn: 'files',
  name: 'contact',
  input: z.strictObject({ ...scoped, ...commandFields, roomId: DocId, message: Text(200) }),
  output: z.object({ told: z.number().check(z.int(), z.gte(0)) }),
  roles: ['desk', 'supervisor'],
  write: true,
  errors: ['FILE.ROOM_NOT_FOUND', 'FILE.NO_RESIDENTS'],
});

export const filesActions = { ask, grants, decide, revoke, read, inspect, keep, log, contact } as const;
