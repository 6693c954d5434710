/**
 * Error codes as the CloudBase server sends them (`{code, message}` in the response body). The SDK
 * turns the body into a rejected TcbError (`err.code`), and wx-server-sdk's wrappers map `code` to a
 * numeric `errCode` through TCB_ERR_CODE (wx-server-sdk 4.0.2, src/api/cloud/provider/tcb/config/error.config.ts).
 * Code names: https://docs.cloudbase.net/error-code/basic (数据库错误).
 */
export const ErrorCodes = {
  /** errCode -502005. */
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  /** errCode -502001; the generic database failure, also what a duplicate key surfaces as. */
  requestFailed: 'DATABASE_REQUEST_FAILED',
  /** errCode -502002: unsupported operation or operator. */
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  /** No numeric mapping in wx-server-sdk (-501001 there); the code @cloudbase/database's runTransaction retries on. */
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** An operation on a transaction that no longer exists (committed, aborted, or older than 30 seconds). */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  /** errCode -501007. */
  invalidParam: 'INVALID_PARAM',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
}

export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Wording of the real server's answer, as seen in the wild (errMsg of -502005 reports). */
export const collectionNotExist = (name: string): EngineError =>
  new EngineError(
    ErrorCodes.collectionNotExist,
    `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${name})`,
  );

export const duplicateKey = (collection: string, index: string, key: string): EngineError =>
  new EngineError(
    ErrorCodes.requestFailed,
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  );

/**
 * The server's wording, as CloudBase's own SDK tests assert it (TencentCloudBase/tcb-admin-node,
 * test/database/unit/transaction.test.ts), with what happened appended.
 */
export const transactionConflict = (detail: string): EngineError =>
  new EngineError(
    ErrorCodes.transactionConflict,
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us. (${detail})`,
  );

export const transactionFail = (): EngineError =>
  new EngineError(
    ErrorCodes.transactionFail,
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );

export const invalidOperation = (message: string): EngineError => new EngineError(ErrorCodes.invalidOperator, message);

export const requestFailed = (message: string): EngineError => new EngineError(ErrorCodes.requestFailed, message);

export const invalidParam = (message: string): EngineError => new EngineError(ErrorCodes.invalidParam, message);

export const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code !== '';
