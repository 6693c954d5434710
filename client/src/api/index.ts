import { createClient, type Call, type ClientOptions, type ReadTarget } from './client';
import { platform } from './platform';

export type { CallResult, CallFailure, CallInput, CallOutput } from './client';

let client = createClient({ transport: platform.transport });

/** Swap the transport (tests use a fake one, never the network). */
export const configureApi = (options: ClientOptions) => {
  client = createClient(options);
};

export const call: Call = (action, input, options) => client.call(action, input, options);

/** Issue 16: a page's first read sent ahead of the page (see `createClient`'s `readAhead`). */
export const readAhead = (target: ReadTarget, input: object) => client.readAhead(target, input);
