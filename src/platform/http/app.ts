import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import apiReference from '@scalar/fastify-api-reference';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { customerRoutes } from '../../customers/routes.ts';
import { eventRoutes } from '../../earning/events-routes.ts';
import { earningRuleRoutes } from '../../earning/routes.ts';
import { ledgerRoutes } from '../../ledger/routes.ts';
import { orderRoutes } from '../../orders/routes.ts';
import { registerAuthentication } from '../../programs/authentication.ts';
import { programEventRoutes } from '../../program-events/routes.ts';
import { programRoutes } from '../../programs/routes.ts';
import { charityRoutes } from '../../charity/routes.ts';
import { storeCreditRoutes } from '../../store-credit/routes.ts';
import { tierRoutes } from '../../tiers/routes.ts';
import { referralRoutes } from '../../referrals/routes.ts';
import { stampCardRoutes } from '../../stamp-cards/routes.ts';
import { challengeRoutes } from '../../challenges/routes.ts';
import { membershipRoutes } from '../../memberships/routes.ts';
import { storeRoutes } from '../../stores/routes.ts';
import { analyticsRoutes } from '../../analytics/routes.ts';
import { redemptionRoutes } from '../../redemptions/routes.ts';
import { rewardRoutes } from '../../rewards/routes.ts';
import type { Deps } from '../deps.ts';
import { registerErrorHandling } from './error-handler.ts';
import { healthRoutes } from './health.ts';
import { registerIdempotency } from './idempotency.ts';
import { ErrorResponse } from './schemas.ts';

export interface AppOptions {
  adminKey?: string;
  logLevel?: string;
}

/** The HTTP API: every route, the OpenAPI document at /openapi.json and its reference at /docs. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel, redact: ['req.headers.authorization'] } : false,
    bodyLimit: 1_048_576,
    // One log line per request costs more than the request's own work on the hot path; errors
    // are still logged with their request.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();
  useStrictBodies(app);
  app.addSchema(ErrorResponse);
  registerErrorHandling(app);
  registerAuthentication(app, deps.db, options.adminKey);
  registerIdempotency(app, deps.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Regulars API', version: '1', description: 'Loyalty and retention engine. Amounts of money are integer minor units; points are integers.' },
      components: { securitySchemes: { secretKey: { type: 'http', scheme: 'bearer', description: 'A program secret key, sk_…' } } },
      security: [{ secretKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(apiReference, { routePrefix: '/docs', configuration: { url: '/openapi.json' }, hooks: {} });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(deps));
  await app.register(programRoutes(deps));
  await app.register(customerRoutes(deps));
  await app.register(ledgerRoutes(deps));
  await app.register(orderRoutes(deps));
  await app.register(earningRuleRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(rewardRoutes(deps));
  await app.register(redemptionRoutes(deps));
  await app.register(programEventRoutes(deps));
  await app.register(storeCreditRoutes(deps));
  await app.register(charityRoutes(deps));
  await app.register(tierRoutes(deps));
  await app.register(referralRoutes(deps));
  await app.register(stampCardRoutes(deps));
  await app.register(challengeRoutes(deps));
  await app.register(membershipRoutes(deps));
  await app.register(storeRoutes(deps));
  await app.register(analyticsRoutes(deps));
  return app;
}

/**
 * Bodies are validated strictly (no type coercion: "54" is not a number, null is not 0, unknown
 * fields are refused); query strings and path parameters are coerced from text as usual.
 */
function useStrictBodies(app: FastifyInstance): void {
  const base: Options = { useDefaults: true, removeAdditional: false, allErrors: false, strictSchema: false, addUsedSchema: false };
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}
