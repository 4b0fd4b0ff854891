import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body, optional } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { allowedDestinations, assertDestination } from '../webhooks/destination-guard.ts';
import { attemptsOf, getDelivery, listDeliveries, queueDelivery, requeue, type WebhookAttemptRow, type WebhookDeliveryRow } from '../webhooks/delivery-store.ts';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, updateEndpoint, type WebhookEndpointRow } from '../webhooks/endpoint-store.ts';
import { isEventFilter } from '../webhooks/event-types.ts';
import { errorResponses, Id, List, ListQuery, Timestamp } from './schemas/common.ts';
import { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from './schemas/webhooks.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(e: WebhookEndpointRow, now: Date) {
  const overlap = e.previous_secret_expires_at && new Date(e.previous_secret_expires_at) > now ? e.previous_secret_expires_at : null;
  return {
    object: 'webhook_endpoint' as const,
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.status,
    disabled_reason: e.disabled_reason as 'gone' | 'failing' | 'by_merchant' | null,
    previous_secret_expires_at: iso(overlap),
    created_at: iso(e.created_at)!,
    updated_at: iso(e.updated_at)!,
  };
}

function presentDelivery(d: WebhookDeliveryRow, attempts: WebhookAttemptRow[]) {
  return {
    object: 'webhook_delivery' as const,
    id: d.id,
    endpoint_id: d.endpoint_id,
    event_id: d.event_id,
    event_type: d.event_type,
    status: d.status,
    attempt_count: d.attempts,
    next_attempt_at: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    last_status: d.last_status,
    payload: JSON.parse(d.body) as unknown,
    attempts: attempts.map((a) => ({ attempted_at: iso(a.attempted_at)!, status: a.status, latency_ms: a.latency_ms, response: a.response, error: a.error })),
    created_at: iso(d.created_at)!,
    finished_at: iso(d.finished_at),
  };
}

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'Where to POST the events: https:// (or http://).' });
const Events = Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 64, description: 'Event types (`points.earned`), families (`points.*`) or `*` for every event.' });
const EndpointFields = { url: Url, events: Events, description: Type.Optional(Type.String({ maxLength: 500 })) };
const Params = Type.Object({ id: Id('whe') });

function assertEvents(events: string[] | undefined): void {
  const unknown = events?.find((e) => !isEventFilter(e));
  if (unknown !== undefined) throw invalidRequest('parameter_invalid', `"${unknown}" is not an event type, a family such as points.*, or *. docs/webhooks.md lists them.`, 'events');
}

/** Outbound webhooks (docs/webhooks.md): the merchant's endpoints, their deliveries, retries and replays. */
export const webhookRoutes =
  (deps: Deps, allowedHosts: string[]): FastifyPluginAsyncTypebox =>
  async (app) => {
    const allowed = allowedDestinations(allowedHosts);
    const checked = (input: { url?: string; events?: string[] }) => {
      if (input.url !== undefined) assertDestination(input.url, allowed);
      assertEvents(input.events);
    };

    app.post(
      '/v1/webhook-endpoints',
      { schema: { operationId: 'createWebhookEndpoint', tags: ['webhooks'], summary: 'Send events to a URL (the secret is shown this once)', body: Body(EndpointFields), response: { 201: WebhookEndpointWithSecret, ...errorResponses } } },
      async (request, reply) => {
        checked(request.body);
        const now = deps.clock.now();
        const { endpoint, secret } = await createEndpoint(deps.db, deps.secrets, request.program.id, request.body, now);
        return reply.status(201).send({ ...present(endpoint, now), secret });
      },
    );

    app.get('/v1/webhook-endpoints', { schema: { operationId: 'listWebhookEndpoints', tags: ['webhooks'], summary: 'The program’s webhook endpoints', response: { 200: List(WebhookEndpoint), ...errorResponses } } }, async (request) => {
      const rows = await listEndpoints(deps.db, request.program.id);
      return toList(rows, rows.length, (e) => present(e, deps.clock.now()));
    });

    app.get('/v1/webhook-endpoints/:id', { schema: { operationId: 'getWebhookEndpoint', tags: ['webhooks'], summary: 'A webhook endpoint', params: Params, response: { 200: WebhookEndpoint, ...errorResponses } } }, async (request) =>
      present(await getEndpoint(deps.db, request.program.id, request.params.id), deps.clock.now()),
    );

    app.patch(
      '/v1/webhook-endpoints/:id',
      {
        schema: {
          operationId: 'updateWebhookEndpoint',
          tags: ['webhooks'],
          summary: 'Change the URL or the events, or disable and enable again',
          params: Params,
          body: Body({ ...optional(EndpointFields), status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')], { description: 'Disabled, an endpoint gets no new events; enabling it again resumes (with what was still pending).' })) }),
          response: { 200: WebhookEndpoint, ...errorResponses },
        },
      },
      async (request) => {
        checked(request.body);
        return present(await updateEndpoint(deps.db, request.program.id, request.params.id, request.body, deps.clock.now()), deps.clock.now());
      },
    );

    app.delete(
      '/v1/webhook-endpoints/:id',
      { schema: { operationId: 'deleteWebhookEndpoint', tags: ['webhooks'], summary: 'Stop sending to an endpoint and forget its deliveries', params: Params, response: { 200: Type.Object({ object: Type.Literal('webhook_endpoint'), id: Type.String(), deleted: Type.Literal(true) }), ...errorResponses } } },
      async (request) => {
        await deleteEndpoint(deps.db, request.program.id, request.params.id);
        return { object: 'webhook_endpoint' as const, id: request.params.id, deleted: true as const };
      },
    );

    app.post(
      '/v1/webhook-endpoints/:id/rotate-secret',
      { schema: { operationId: 'rotateWebhookSecret', tags: ['webhooks'], summary: 'A new secret; the old one signs beside it for 24 hours', params: Params, response: { 200: WebhookEndpointWithSecret, ...errorResponses } } },
      async (request) => {
        const now = deps.clock.now();
        const { endpoint, secret } = await rotateSecret(deps.db, deps.secrets, request.program.id, request.params.id, now);
        return { ...present(endpoint, now), secret };
      },
    );

    app.post(
      '/v1/webhook-endpoints/:id/test',
      { schema: { operationId: 'testWebhookEndpoint', tags: ['webhooks'], summary: 'Send a webhook.test event to this endpoint', params: Params, response: { 202: WebhookDelivery, ...errorResponses } } },
      async (request, reply) => {
        const endpoint = await getEndpoint(deps.db, request.program.id, request.params.id);
        const delivery = await queueDelivery(deps.db, endpoint, { type: 'webhook.test', data: { endpoint_id: endpoint.id, message: 'A test event from Regulars: your endpoint receives and verifies webhooks.' } }, deps.clock.now());
        return reply.status(202).send(presentDelivery(delivery, []));
      },
    );

    app.get(
      '/v1/webhook-endpoints/:id/deliveries',
      {
        schema: {
          operationId: 'listWebhookDeliveries',
          tags: ['webhooks'],
          summary: 'What was sent to an endpoint and how each attempt went (kept 30 days), newest first',
          params: Params,
          querystring: Type.Object({ ...ListQuery.properties, status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')])), event_type: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 200: List(WebhookDelivery), ...errorResponses },
        },
      },
      async (request) => {
        await getEndpoint(deps.db, request.program.id, request.params.id);
        const rows = await listDeliveries(deps.db, request.params.id, request.query);
        const attempts = await attemptsOf(deps.db, rows.map((r) => r.id));
        return toList(rows, request.query.limit, (d) => presentDelivery(d, attempts.get(d.id) ?? []));
      },
    );

    app.post(
      '/v1/webhook-endpoints/:id/replay',
      {
        schema: {
          operationId: 'replayWebhookDeliveries',
          tags: ['webhooks'],
          summary: 'Send every failed delivery since a time again (after an outage of the receiver)',
          params: Params,
          body: Body({ since: Timestamp }),
          response: { 202: Type.Object({ object: Type.Literal('webhook_replay'), endpoint_id: Type.String(), requeued: Type.Integer() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const endpoint = await getEndpoint(deps.db, request.program.id, request.params.id);
        const since = new Date(request.body.since);
        if (Number.isNaN(since.getTime())) throw invalidRequest('parameter_invalid', 'since must be an ISO 8601 time.', 'since');
        const requeued = await requeue(deps.db, { programId: request.program.id, endpointId: endpoint.id, failedSince: since }, deps.clock.now());
        return reply.status(202).send({ object: 'webhook_replay' as const, endpoint_id: endpoint.id, requeued });
      },
    );

    app.get('/v1/webhook-deliveries/:id', { schema: { operationId: 'getWebhookDelivery', tags: ['webhooks'], summary: 'A delivery and its attempts', params: Type.Object({ id: Id('whd') }), response: { 200: WebhookDelivery, ...errorResponses } } }, async (request) => {
      const delivery = await getDelivery(deps.db, request.program.id, request.params.id);
      return presentDelivery(delivery, (await attemptsOf(deps.db, [delivery.id])).get(delivery.id) ?? []);
    });

    app.post(
      '/v1/webhook-deliveries/:id/retry',
      { schema: { operationId: 'retryWebhookDelivery', tags: ['webhooks'], summary: 'Send a delivery again now, with the same webhook-id', params: Type.Object({ id: Id('whd') }), response: { 202: WebhookDelivery, ...errorResponses } } },
      async (request, reply) => {
        const delivery = await getDelivery(deps.db, request.program.id, request.params.id);
        await requeue(deps.db, { programId: request.program.id, ids: [delivery.id] }, deps.clock.now());
        const again = await getDelivery(deps.db, request.program.id, delivery.id);
        return reply.status(202).send(presentDelivery(again, (await attemptsOf(deps.db, [delivery.id])).get(delivery.id) ?? []));
      },
    );
  };
