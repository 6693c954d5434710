import { failure } from '@shared/messages/failure';
import type { ErrorCode } from '@shared/messages';

/** Thrown inside an action to end it with a user-facing failure; the router turns it into a result. */
export class ActionFailure extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
  toResult() {
    return failure(this.code);
  }
}
