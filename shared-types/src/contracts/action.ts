import * as z from 'zod/mini';
import type { Role } from '../model/member.model';
import type { ErrorCode } from '../messages';
import { areas } from '../areas';
import { isoDateTime } from '../model/versioned';

/** The cloud functions with actions: one per area of the registry. */
export type FunctionName = (typeof areas)[number]['name'];
export const functionNames: readonly FunctionName[] = areas.map((a) => a.name);

/** Who may call an action: members in these roles of the property the input names, or anyone signed in (no membership needed). */
export type Roles = readonly Role[] | 'any-signed-in';

/** A code every action may answer (the envelope, membership, commands, contention, bugs); an action declares only the others. */
export type CommonCode = Extract<ErrorCode, `COMMON.${string}`>;
export type ActionCode = Exclude<ErrorCode, CommonCode>;

/** One cloud-function action: the schema its input is parsed with at both ends, and its output. */
export interface Action<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType, R extends Roles = Roles> {
  fn: FunctionName;
  name: string;
  input: I;
  output: O;
  /** Roles that may call it; ownership is checked by the function on top. */
  roles: R;
  /** Write actions carry a command id and are applied at most once. */
  write: boolean;
  /**
   * The codes it may refuse with beyond the common ones; the router answers any other as a bug
   * (COMMON.INTERNAL). Whether a caller retries a code is declared once for all actions, in `errors.ts`.
   */
  errors: readonly ActionCode[];
}

/**
 * Issue 14: an action of the company level, for its administrators only. The router resolves the
 * caller's membership in the company's scope; a property the input names is what it acts on.
 */
export const isCompanyAction = (a: Pick<Action, 'roles'>): boolean => a.roles !== 'any-signed-in' && a.roles.length === 1 && a.roles[0] === 'admin';

export const defineAction = <I extends z.ZodMiniType, O extends z.ZodMiniType, R extends Roles>(a: Action<I, O, R>) => a;

const isCommonCode = (code: string): code is CommonCode => code.startsWith('COMMON.');

/** Whether `action` may answer `code`: a common code, or one its contract declares. */
export const mayAnswer = (action: Action, code: string): boolean => isCommonCode(code) || (action.errors as readonly string[]).includes(code);

export type Input<A extends Action> = z.input<A['input']>;
export type Output<A extends Action> = z.infer<A['output']>;

export const CommandId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Fields every write carries: the client's command id and, where known, the device's clock. */
export const commandFields = {
  commandId: CommandId,
  deviceTime: z.optional(isoDateTime({ offset: true })),
};

export const PropertyId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
export const DocId = z.string().check(z.regex(/^[A-Za-z0-9_:~.-]{1,128}$/));

export const scoped = { propertyId: PropertyId };

/** What travels to a function: `{ action, input }`, the action named `fn.name`. */
export const Envelope = z.object({ action: z.string().check(z.maxLength(64)), input: z.unknown() });

export const Failure = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  fields: z.optional(z.array(z.object({ field: z.string(), label: z.string(), message: z.string(), limit: z.optional(z.object({ max: z.number(), length: z.number() })) }))),
});
export const resultOf = <O extends z.ZodMiniType>(output: O) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: output }), Failure]);
