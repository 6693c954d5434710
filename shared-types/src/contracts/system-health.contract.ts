import * as z from 'zod/mini';
import { MiniProgramVersion } from '../domain/mini-program-version.rules';
import { NoticeKind } from '../model/outbox.model';
import { PropertyId } from './action';

/**
 * Issue 13 (3): the system call every function answers. A call with no OPENID (the CloudBase
 * console, the management API, a timer) reaches no member action: it can run only this health
 * check, which the smoke command (scripts/smoke.ts) invokes with the environment's admin credentials.
 */
export const SYSTEM_HEALTH_ACTION = 'health';

/** The cloud calls a function can prove it may make (config.json `permissions.openapi`). */
export const CloudCallApi = z.enum(['subscribeMessage.send', 'wxacode.getUnlimited', 'phonenumber.getPhoneNumber', 'security.msgSecCheck', 'security.mediaCheckAsync']);
export type CloudCallApi = z.infer<typeof CloudCallApi>;

export const SystemHealthInput = z.strictObject({
  /** Each cloud call to try: one that WeChat answers at all (even with a business error) was permitted. */
  probes: z._default(z.array(CloudCallApi).check(z.maxLength(CloudCallApi.options.length)), []),
  /** Post a test message to the property's robot, or to every property's that has one. */
  robot: z.optional(z.strictObject({ propertyId: z.optional(PropertyId) })),
  /** Send the property's template (for `kind`, or its first ready one) to a test person who accepted it. */
  subscribe: z.optional(z.strictObject({ propertyId: PropertyId, openid: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/)), kind: z.optional(NoticeKind) })),
});
export type SystemHealthInput = z.infer<typeof SystemHealthInput>;

/** ok: the call did its job; permitted: WeChat answered with a business error, so the permission holds; denied: -604101. */
export const CallOutcome = z.object({
  outcome: z.enum(['ok', 'permitted', 'denied', 'failed']),
  errCode: z.nullable(z.number()),
  detail: z.string(),
});
export type CallOutcome = z.infer<typeof CallOutcome>;

export const SystemHealth = z.object({
  function: z.string(),
  /** process.version of the runtime the function runs on. */
  node: z.string(),
  fetch: z.boolean(),
  miniProgramVersion: z.nullable(MiniProgramVersion),
  heartbeat: z.object({ lastRunAt: z.nullable(z.string()), stale: z.boolean() }),
  probes: z.array(z.extend(CallOutcome, { api: CloudCallApi })),
  robots: z.nullable(z.array(z.object({ propertyId: z.string(), outcome: z.enum(['sent', 'deferred', 'failed']), detail: z.string() }))),
  subscribe: z.nullable(CallOutcome),
});
export type SystemHealth = z.infer<typeof SystemHealth>;
