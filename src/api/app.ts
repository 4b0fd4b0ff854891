import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import apiReference from '@scalar/fastify-api-reference';
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { customerRoutes } from './customers.ts';
import { eventRoutes } from './events.ts';
import { earningRuleRoutes } from './earning-rules.ts';
import { ledgerRoutes } from './ledger.ts';
import { orderRoutes } from './orders.ts';
import { registerAuthentication } from './authentication.ts';
import { programEventRoutes } from './program-events.ts';
import { programRoutes } from './programs.ts';
import { charityRoutes } from './charity.ts';
import { storeCreditRoutes } from './store-credit.ts';
import { tierRoutes } from './tiers.ts';
import { referralRoutes } from './referrals.ts';
import { stampCardRoutes } from './stamp-cards.ts';
import { challengeRoutes } from './challenges.ts';
import { membershipRoutes } from './memberships.ts';
import { storeRoutes } from './stores.ts';
import { analyticsRoutes } from './analytics.ts';
import { redemptionRoutes } from './redemptions.ts';
import { rewardRoutes } from './rewards.ts';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { registerErrorHandling } from '../platform/http/error-handler.ts';
import { healthRoutes } from './health.ts';
import { homeRoutes } from './home.ts';
import { metricsRoutes } from './metrics.ts';
import { connectionRoutes } from './connections.ts';
import { storeWebhookRoutes } from './store-webhooks.ts';
import { importRoutes } from './imports.ts';
import { storefrontRoutes } from './storefront.ts';
import { hostedPageRoutes } from './hosted-pages.ts';
import { emailRoutes } from './emails.ts';
import { emailCampaignRoutes } from './email-campaigns.ts';
import { webhookRoutes } from './webhooks.ts';
import { segmentRoutes } from './segments.ts';
import { giftRoutes } from './gifts.ts';
import { profileQuestionRoutes } from './profile-questions.ts';
import { acquisitionRoutes } from './acquisition-costs.ts';
import { webhookAllowedHosts } from '../platform/config.ts';
import { productRoutes } from './products.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { surveyLinkRoutes } from './survey-links.ts';
import { surveyRoutes } from './surveys.ts';
import { experimentRoutes } from './experiments.ts';
import { widgetFileRoutes } from './widget-files.ts';
import { registerRateLimits } from './rate-limits.ts';
import { sessionRoutes } from './sessions.ts';
import { registerAuditTrail } from './audit-trail.ts';
import { userRoutes } from './users.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { auditLogRoutes } from './audit-log.ts';
import { adminFileRoutes } from './admin-files.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from '../users/sessions.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitDefaults } from '../platform/config.ts';
import { registerIdempotency } from '../platform/http/idempotency.ts';
import { registerRequestMetrics } from '../platform/http/request-metrics.ts';
import { apiReferenceConfiguration, openApiOptions } from './openapi.ts';
import { ErrorResponse } from './schemas/common.ts';

export interface AppOptions {
  adminKey?: string;
  logLevel?: string;
  /** REGULARS_METRICS_TOKEN: unset, /metrics answers loopback callers only. */
  metricsToken?: string;
  rateLimits?: RateLimitDefaults;
  /** REGULARS_PUBLIC_URL: where shops reach this instance (webhook URLs); unset, the address a request came to. */
  publicUrl?: string;
  /** REGULARS_WEBHOOK_ALLOWED_HOSTS (default: read from the environment). */
  webhookAllowedHosts?: string[];
  /** Where the built widget is (default dist/widget, made by `npm run build`). */
  widgetDir?: string;
  /** Where the built admin dashboard is (default dist/admin). */
  adminDir?: string;
  /** REGULARS_SESSION_IDLE_MINUTES and REGULARS_SESSION_MAX_HOURS: when dashboard sessions end. */
  sessionLimits?: SessionLimits;
}

/** The HTTP API: every route, the OpenAPI document at /openapi.json and its reference at /docs. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel ? { level: options.logLevel, redact: ['req.headers.authorization'] } : false,
    bodyLimit: 1_048_576,
    // One log line per request costs more than the request's own work on the hot path; errors
    // are still logged with their request.
    logController: new LogController({ disableRequestLogging: true }),
    // While closing, requests on open connections get our own 503 (refuseWhileClosing).
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  useStrictBodies(app);
  refuseWhileClosing(app);
  registerRequestMetrics(app);
  app.addSchema(ErrorResponse);
  registerErrorHandling(app);
  await registerAuthentication(app, deps, options.adminKey, options.sessionLimits ?? DEFAULT_SESSION_LIMITS);
  registerIdempotency(app, deps.db);
  registerAuditTrail(app, deps);
  await registerRateLimits(app, options.rateLimits ?? DEFAULT_RATE_LIMITS);

  await app.register(swagger, openApiOptions);
  await app.register(apiReference, { routePrefix: '/docs', configuration: apiReferenceConfiguration, hooks: {} });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(homeRoutes);
  await app.register(healthRoutes(deps));
  await app.register(metricsRoutes(options.metricsToken));
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
  await app.register(connectionRoutes(deps, options.publicUrl));
  await app.register(storeWebhookRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(storefrontRoutes(deps, options.publicUrl));
  await app.register(hostedPageRoutes(deps));
  await app.register(emailRoutes(deps, options.publicUrl));
  await app.register(emailCampaignRoutes(deps, options.publicUrl));
  await app.register(productRoutes(deps));
  await app.register(unsubscribeRoutes(deps));
  await app.register(surveyLinkRoutes(deps));
  await app.register(surveyRoutes(deps));
  await app.register(experimentRoutes(deps));
  await app.register(segmentRoutes(deps));
  await app.register(giftRoutes(deps));
  await app.register(profileQuestionRoutes(deps));
  await app.register(acquisitionRoutes(deps));
  await app.register(webhookRoutes(deps, options.webhookAllowedHosts ?? webhookAllowedHosts()));
  await app.register(widgetFileRoutes(options.widgetDir));
  await app.register(sessionRoutes(deps, options.sessionLimits ?? DEFAULT_SESSION_LIMITS));
  await app.register(userRoutes(deps, options.publicUrl));
  await app.register(apiKeyRoutes(deps));
  await app.register(auditLogRoutes(deps));
  await app.register(adminFileRoutes(options.adminDir));
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

/**
 * Once shutdown begins, requests already running finish; new ones (on kept-alive connections) are
 * told to go elsewhere: 503 `shutting_down` with Retry-After, and the connection is closed.
 */
function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    void reply.header('connection', 'close');
    throw new RegularsError('unavailable', 'shutting_down', 'This instance is shutting down; retry, and the request reaches another instance or this one once it is back.', undefined, 1);
  });
}
