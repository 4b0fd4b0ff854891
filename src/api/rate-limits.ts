import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitDefaults } from '../platform/config.ts';
import { RegularsError } from '../platform/errors.ts';
import { isAuditRead } from './audit-trail.ts';

/**
 * Rate limits on /v1 per key, counted per instance in memory (a fixed window of a minute, by
 * @fastify/rate-limit): with N instances behind a balancer a key gets up to N times its limit. A
 * shared count in PostgreSQL would add a write to every request, reads included, which must stay
 * within a fraction of a hello-world's speed. Runs after authentication (app-level hooks first), so
 * it knows the key; requests without a valid key never get this far.
 */
export async function registerRateLimits(app: FastifyInstance, defaults: RateLimitDefaults): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    enableDraftSpec: true,
    allowList: (request) => !/^\/(storefront\/)?v1\//.test(request.routeOptions.url ?? '') || isAuditRead(request),
    keyGenerator: (request) => keyOf(request),
    max: (request) => limitOf(request, defaults),
    errorResponseBuilder: (_request, context) =>
      new RegularsError('rate_limited', 'rate_limit_exceeded', `Too many requests: this key may make ${context.max} per minute. Retry in ${context.after}.`, undefined, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

function keyOf(request: FastifyRequest): string {
  const program = request.program;
  if (!program) return `ip:${request.ip}`;
  if (program.keyKind === 'secret') return `sk:${program.apiKeyId}`;
  // The storefront: per signed-in shopper, else per visitor's address.
  return request.shopper ? `pk:${program.id}:shopper:${request.shopper.externalId}` : `pk:${program.id}:${request.ip}`;
}

function limitOf(request: FastifyRequest, defaults: RateLimitDefaults): number {
  const program = request.program;
  if (program?.keyKind === 'publishable') return program.rateLimits.publishable ?? defaults.publishablePerMinute;
  return program?.rateLimits.secret ?? defaults.secretPerMinute;
}
