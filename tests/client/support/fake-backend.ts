import { act, waitFor } from '@testing-library/react';
import { deployedFunctionOf, deployedFunctions } from '@shared/areas';
import type { FunctionName } from '@shared/contracts/action';
import type { Envelope, Transport } from '../../../client/src/api/transport';
import { configureApi } from '../../../client/src/api';
import { resetSession } from '../../../client/src/store/session.store';

export interface SentCall {
  /** The area whose action it is (`fn` of its contract); `deployed` is the cloud function it was sent to (issue 16). */
  fn: string;
  deployed: string;
  action: string;
  input: Record<string, unknown>;
}

type Handler = (input: Record<string, unknown>) => unknown;

/**
 * Stands in for the cloud functions: each `fn.action` answers from a handler, every call is
 * recorded, and nothing touches the network. Retries happen without waiting. As the deployed functions
 * do (issue 16), a function answers only its own actions: one sent to another part of its area is unknown.
 */
export const fakeBackend = (handlers: Record<string, Handler>) => {
  const calls: SentCall[] = [];
  const transport: Transport = async (fn, envelope: Envelope) => {
    const input = (envelope.input ?? {}) as Record<string, unknown>;
    const area = deployedFunctions.find((f) => f.name === fn)?.area ?? fn;
    calls.push({ fn: area, deployed: fn, action: envelope.action, input });
    const own = deployedFunctionOf({ fn: area as FunctionName, name: envelope.action }) === fn;
    const handler = own ? handlers[`${area}.${envelope.action}`] : undefined;
    if (!handler) return { ok: false, code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持这个操作' };
    return handler(input);
  };
  configureApi({ transport, delay: () => Promise.resolve() });
  resetSession();
  const callsTo = (key: string) => calls.filter((c) => `${c.fn}.${c.action}` === key);
  return { calls, callsTo, handlers };
};

export { ok, okPage, page } from './fixtures';

/** Lets Stencil render Taro's components and pending promises settle. */
export const settle = async (ms = 50) => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
};

/**
 * Waits until `ready()` holds. Cheaper than `waitFor(() => expect(el)…)`, whose failed checks print
 * the whole Taro element tree each time and stall the event loop.
 */
export const until = (ready: () => boolean, timeout = 3000) =>
  waitFor(
    () => {
      if (!ready()) throw new Error('not yet');
    },
    { timeout },
  );
