import type * as z from 'zod';
import { resultOf, type Action } from '@shared/contracts/action';
import { badInput } from '@shared/contracts/field-errors';
import { messages, type ErrorCode } from '@shared/messages';
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
  /** Extra attempts after a delivery failure; each reuses the same command id. */
  retries?: number;
  delay?: (attempt: number) => Promise<void>;
  newCommandId?: () => string;
  now?: () => Date;
}

const wait = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 600 * 2 ** attempt));

export const failure = (code: ErrorCode): CallFailure => ({ ok: false, code, message: messages.errors[code] });

/**
 * The one way a page talks to a cloud function: the input is checked with the contract before it
 * leaves, the reply is parsed with the contract when it arrives, and nothing is thrown.
 */
export const createClient = ({
  transport,
  retries = 2,
  delay = wait,
  newCommandId: makeId = () => newCommandId(),
  now = () => new Date(),
}: ClientOptions) => {
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
    let reply: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        reply = await transport(action.fn, { action: action.name, input: payload });
        break;
      } catch {
        if (attempt >= retries) return failure('COMMON.BUSY');
        await delay(attempt);
      }
    }
    const parsed = resultOf(action.output).safeParse(reply);
    if (!parsed.success) return failure('COMMON.INTERNAL');
    return parsed.data as CallResult<CallOutput<A>>;
  };
  return { call };
};

export type Call = ReturnType<typeof createClient>['call'];
