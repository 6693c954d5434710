import type * as z from 'zod/mini';
import { resultOf, type Action, type FunctionName } from '@shared/contracts/action';
import { deployedFunctionOf } from '@shared/areas';
import { retryOf } from '@shared/contracts/errors';
import { badInput } from '@shared/contracts/field-errors';
import { commonErrors } from '@shared/messages/common.zh-CN';
import type { FieldError } from '@shared/result';
import { newCommandId } from './command-id';
import type { Transport } from './transport';

/** What a page passes: the contract's input without the fields the client adds to writes. */
export type CallInput<A extends Action> = Omit<z.input<A['input']>, 'commandId' | 'deviceTime'>;
export type CallOutput<A extends Action> = z.output<A['output']>;

export interface CallFailure {
  ok: false;
  code: string;
  message: string;
  /** On COMMON.BAD_INPUT, each field the contract rejected: its dotted path ("preferredTime.date"), label and message. */
  fields?: FieldError[];
}
export type CallResult<T> = { ok: true; data: T } | CallFailure;

export interface CallOptions {
  /** Reuse a command id, e.g. when the person taps "send" again after the network dropped. */
  commandId?: string;
  /** When the person acted, if not now: a command queued offline keeps the time of the tap. */
  deviceTime?: string;
}

export interface ClientOptions {
  transport: Transport;
  /** Extra attempts after no reply, or one the error contract says to ask again at once; each reuses the same command id. */
  retries?: number;
  delay?: (attempt: number) => Promise<void>;
  newCommandId?: () => string;
  now?: () => Date;
}

/** The action a read ahead names (`fn.name`), without its contract: the contract parses the reply when a page asks for it. */
export interface ReadTarget {
  fn: FunctionName;
  name: string;
}

/**
 * How long a reply read ahead waits for the page that asks for it (issue 16); a page that asks later
 * sends its own call. Counted from when the read went out.
 */
export const READ_AHEAD_MS = 10_000;

const readKey = (target: ReadTarget, input: unknown) => `${target.fn}.${target.name}:${JSON.stringify(input)}`;

const wait = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 600 * 2 ** attempt));

/** What the client says itself when no answer it can read arrived; a refusal that did arrive carries its own message. */
const failure = (code: 'COMMON.BUSY' | 'COMMON.INTERNAL'): CallFailure => ({ ok: false, code, message: commonErrors[code] });

/** Answers the declared contract says to send again at once, under the same command id. */
const againNow = (code: string): boolean => {
  const retry = retryOf(code);
  return retry === 'transient' || retry === 'bounded';
};

/**
 * The one way a page talks to a cloud function: the input is checked with the contract before it
 * leaves, the reply is parsed with the contract when it arrives, and nothing is thrown. A reply the
 * error contract (`@shared/contracts/errors`) calls transient or bounded, and one that never came, is
 * asked again under the same command id, `retries` times at most.
 */
export const createClient = ({
  transport,
  retries = 2,
  delay = wait,
  newCommandId: makeId = () => newCommandId(),
  now = () => new Date(),
}: ClientOptions) => {
  const ahead = new Map<string, { reply: Promise<unknown>; until: number }>();
  /** A read sent ahead of the page that shows it, taken by that page's first call with the same input. */
  const taken = (action: Action, payload: unknown): Promise<unknown> | null => {
    if (action.write) return null;
    const key = readKey(action, payload);
    const early = ahead.get(key);
    ahead.delete(key);
    return early && Date.now() <= early.until ? early.reply : null;
  };

  /** One attempt: no reply is COMMON.BUSY, a reply that is not a result of the action is COMMON.INTERNAL. */
  const deliver = async <A extends Action>(action: A, payload: unknown, early: Promise<unknown> | null = null): Promise<CallResult<CallOutput<A>>> => {
    let reply: unknown;
    try {
      // Issue 16: to the deployed function that answers it (an area's part, or the area's own), by the registry.
      reply = await (early ?? transport(deployedFunctionOf(action), { action: action.name, input: payload }));
    } catch {
      return failure('COMMON.BUSY');
    }
    const parsed = resultOf(action.output).safeParse(reply);
    return parsed.success ? (parsed.data as CallResult<CallOutput<A>>) : failure('COMMON.INTERNAL');
  };

  const call = async <A extends Action>(
    action: A,
    input: CallInput<A>,
    options: CallOptions = {},
  ): Promise<CallResult<CallOutput<A>>> => {
    const payload: unknown = action.write
      ? { ...input, commandId: options.commandId ?? makeId(), deviceTime: options.deviceTime ?? now().toISOString() }
      : input;
    const checked = action.input.safeParse(payload, { reportInput: true });
    if (!checked.success) return badInput(checked.error);
    for (let attempt = 0; ; attempt++) {
      const result = await deliver(action, payload, attempt === 0 ? taken(action, payload) : null);
      if (result.ok || !againNow(result.code) || attempt >= retries) return result;
      await delay(attempt);
    }
  };
  /**
   * Issue 16: sends a read before the page that shows it is there (while its code is still loading, beside
   * the session's own call), so its reply is waiting when the page asks with the same input. Nothing is
   * shown from it until a page asks, which it does only once the session says who and where the person is;
   * the function authorises this call as any other. Unchecked input: the page's call checks its own.
   */
  const readAhead = (target: ReadTarget, input: object) => {
    const reply = transport(deployedFunctionOf(target), { action: target.name, input });
    reply.catch(() => undefined);
    ahead.set(readKey(target, input), { reply, until: Date.now() + READ_AHEAD_MS });
  };
  return { call, readAhead };
};

export type Call = ReturnType<typeof createClient>['call'];
