import type { FastifyError, FastifyInstance } from 'fastify';
import { isConnectionLoss } from '../db/database.ts';
import { httpStatusOf, RegularsError, unavailable } from '../errors.ts';

/**
 * The one place where failures become HTTP responses in the documented error shape.
 * Bad input is a 4xx; only a bug is a 500, and its details stay in the log.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toRegularsError(error);
    const status = httpStatusOf(known);
    // An outage fails many requests alike: one line each, without a stack.
    if (known.type === 'unavailable') request.log.warn({ cause: error.message }, known.message);
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    else if (known.code === 'invalid_value') request.log.warn({ err: error }, 'PostgreSQL refused a value that passed validation');
    const { type, code, message, param, retryAfterSeconds } = known;
    if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
    return reply.status(status).send({ error: { type, code, message, ...(param ? { param } : {}) } });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new RegularsError('not_found', 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    return reply.status(404).send({ error: { type: error.type, code: error.code, message: error.message } });
  });
}

function toRegularsError(error: FastifyError & { constraint?: string }): RegularsError {
  if (error instanceof RegularsError) return error;
  if (error.validation) return fromValidation(error);
  if (isConnectionLoss(error)) return unavailable();
  const pgCode = (error as { code?: string }).code ?? '';
  // A data error from PostgreSQL means input slipped past validation: still the caller's input.
  if (/^22/.test(pgCode)) return new RegularsError('invalid_request', 'invalid_value', 'A value is out of range or malformed.');
  if (pgCode === '23505') return new RegularsError('conflict', 'duplicate', 'This object was created by a concurrent request; retry to read it.');
  if (error.code?.startsWith('FST_CSRF')) return new RegularsError('permission', 'invalid_csrf_token', 'Send the session’s csrf_token (from GET /v1/session) as X-CSRF-Token with every write.', 'X-CSRF-Token');
  const status = error.statusCode ?? 500;
  if (status === 413) return new RegularsError('invalid_request', 'payload_too_large', 'The request body is too large.');
  if (status === 415) return new RegularsError('invalid_request', 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  if (status >= 400 && status < 500) return new RegularsError('invalid_request', 'invalid_body', error.message);
  return new RegularsError('internal', 'internal_error', 'Something went wrong on our side; it has been logged.');
}

function fromValidation(error: FastifyError): RegularsError {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const pointer = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const param = [pointer, missing ?? extra].filter(Boolean).join('.') || undefined;
  if (missing) return new RegularsError('invalid_request', 'parameter_missing', `${param} is required.`, param);
  if (extra) return new RegularsError('invalid_request', 'parameter_unknown', `${param} is not a known parameter.`, param);
  const where = param ?? error.validationContext ?? 'request';
  return new RegularsError('invalid_request', 'parameter_invalid', `${where} ${first?.message ?? 'is invalid'}.`, param);
}
