import type { DeployedFunction } from '@shared/areas';

/** What travels to a cloud function. */
export interface Envelope {
  action: string;
  input: unknown;
}

/**
 * Delivers an envelope to a function and answers its raw reply. Throws only when the reply never
 * arrived (no network, timeout): those calls are retried; anything that did arrive is parsed.
 */
export type Transport = (fn: DeployedFunction, envelope: Envelope) => Promise<unknown>;

export class TransportError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'TransportError';
  }
}
