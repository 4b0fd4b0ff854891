import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { connectionById, recordHealth, webhookSecrets, type Platform } from '../connections/connection-store.ts';
import { recordDelivery } from '../connections/inbox.ts';
import { isObject } from '../connections/payload.ts';
import { SHOPIFY_HEADERS, shopifySubject } from '../connections/shopify.ts';
import { signedBy } from '../connections/signatures.ts';
import { isWooCommercePing, WOOCOMMERCE_HEADERS, wooCommerceSubject } from '../connections/woocommerce.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest, notFound, RegularsError } from '../platform/errors.ts';
import { parseExactJson } from '../platform/exact-json.ts';
import { processDueDeliveries } from '../workflows/store-delivery-processed.ts';

type RawRequest = FastifyRequest<{ Params: { connection_id: string } }> & { rawBody?: Buffer };

/** The headers worth keeping with a delivery: the platform's own (never cookies or auth). */
const keptHeaders = (request: FastifyRequest) =>
  Object.fromEntries(Object.entries(request.headers).filter(([name, value]) => /^x-(shopify|wc)-/.test(name) && name !== SHOPIFY_HEADERS.hmac && name !== WOOCOMMERCE_HEADERS.signature && typeof value === 'string')) as Record<string, string>;

/**
 * POST /webhooks/shopify/{connection_id} and /webhooks/woocommerce/{connection_id}: the signature
 * is checked on the raw bytes before anything is parsed (401 and nothing stored when it fails);
 * the delivery goes into the inbox in one statement and is acknowledged at once (Shopify waits 5 s
 * at most); a job applies it. A delivery seen before is acknowledged and not applied again.
 */
export const storeWebhookRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (app) => {
    keepRawBodies(app);
    for (const platform of ['shopify', 'woocommerce'] as const) {
      app.post<{ Params: { connection_id: string } }>(
        `/webhooks/${platform}/:connection_id`,
        { config: { auth: 'public' }, bodyLimit: 5 * 1_048_576, schema: { hide: true } },
        async (request, reply) => receive(deps, platform, request as RawRequest, reply),
      );
    }
  };

async function receive(deps: Deps, platform: Platform, request: RawRequest, reply: FastifyReply) {
  const raw = request.rawBody ?? Buffer.alloc(0);
  const connection = await connectionById(deps.db, request.params.connection_id);
  if (!connection || connection.platform !== platform) throw notFound('connection', request.params.connection_id);
  if (platform === 'woocommerce' && !request.headers[WOOCOMMERCE_HEADERS.signature] && isWooCommercePing(raw.toString('utf8'))) {
    return reply.status(200).send({ received: true, ping: true });
  }
  const header = request.headers[platform === 'shopify' ? SHOPIFY_HEADERS.hmac : WOOCOMMERCE_HEADERS.signature];
  if (!signedBy(raw, typeof header === 'string' ? header : undefined, webhookSecrets(connection, deps.secrets, deps.clock.now()))) {
    throw new RegularsError('authentication', 'invalid_signature', `The ${platform === 'shopify' ? 'X-Shopify-Hmac-Sha256' : 'X-WC-Webhook-Signature'} signature is missing or does not match the connection's secret.`);
  }
  const { topic, deliveryId, eventId, subject } = describe(platform, request, raw);
  const now = deps.clock.now();
  const stored = await recordDelivery(deps.db, { connectionId: connection.id, programId: connection.program_id, deliveryId, eventId, topic, subject, headers: keptHeaders(request), body: raw.toString('utf8') }, now);
  await recordHealth(deps.db, connection.id, { delivered: now });
  // Applied now on this instance; the sweep picks up anything a crash left behind.
  if (!stored.duplicate) setImmediate(() => void processDueDeliveries(deps).catch((error: unknown) => request.log.error({ err: error }, 'applying store deliveries failed')));
  return reply.status(200).send({ received: true, duplicate: stored.duplicate, id: stored.id });
}

function describe(platform: Platform, request: FastifyRequest, raw: Buffer) {
  const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
  let body: unknown;
  try {
    body = parseExactJson(raw.toString('utf8'));
  } catch {
    throw invalidRequest('invalid_body', 'The delivery body is not valid JSON.');
  }
  if (!isObject(body)) throw invalidRequest('invalid_body', 'The delivery body is not a JSON object.');
  const topic = header(platform === 'shopify' ? SHOPIFY_HEADERS.topic : WOOCOMMERCE_HEADERS.topic);
  if (!topic) throw invalidRequest('parameter_missing', `The ${platform === 'shopify' ? 'X-Shopify-Topic' : 'X-WC-Webhook-Topic'} header is missing.`, platform === 'shopify' ? 'X-Shopify-Topic' : 'X-WC-Webhook-Topic');
  return platform === 'shopify'
    ? { topic, deliveryId: header(SHOPIFY_HEADERS.webhookId), eventId: header(SHOPIFY_HEADERS.eventId), subject: shopifySubject(topic, body) }
    : { topic, deliveryId: header(WOOCOMMERCE_HEADERS.deliveryId), eventId: undefined, subject: wooCommerceSubject(topic, body) };
}

/** These routes alone keep the exact bytes received, whatever their content type: signatures are over them. */
function keepRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    (request as RawRequest).rawBody = body as Buffer;
    done(null, undefined);
  });
}

