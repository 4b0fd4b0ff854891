/**
 * The one error type of Regulars. Domain code throws these; the HTTP layer maps them to the
 * documented error shape in one place (`httpStatusOf`). Anything else that escapes is a bug
 * and becomes a 500 `internal` error.
 */
export type ErrorType =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class RegularsError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly param: string | undefined;
  /** For rate_limited and unavailable: when to try again, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(type: ErrorType, code: string, message: string, param?: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'RegularsError';
    this.type = type;
    this.code = code;
    this.param = param;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const statusByType: Record<ErrorType, number> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Codes whose HTTP status is more precise than their type's. */
const statusByCode: Record<string, number> = {
  insufficient_points: 422,
  insufficient_store_credit: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

export function httpStatusOf(error: RegularsError): number {
  return statusByCode[error.code] ?? statusByType[error.type];
}

export function invalidRequest(code: string, message: string, param?: string): RegularsError {
  return new RegularsError('invalid_request', code, message, param);
}

export function notFound(resource: string, id: string): RegularsError {
  return new RegularsError('not_found', 'resource_missing', `No ${resource} with id "${id}".`, 'id');
}

/** The database cannot be reached right now (restart, failover): the request changed nothing; retry. */
export function unavailable(): RegularsError {
  return new RegularsError('unavailable', 'database_unavailable', 'The database cannot be reached right now; nothing was changed. Retry in a few seconds.', undefined, 2);
}

export function conflict(code: string, message: string, param?: string): RegularsError {
  return new RegularsError('conflict', code, message, param);
}

/** A broken invariant is a bug, never a user error: it aborts the transaction. */
export function assertInvariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violated: ${message}`);
}
