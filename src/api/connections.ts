import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createConnection, getConnection, listConnections, setConnectionStatus, updateConnection, type ConnectionRow } from '../connections/connection-store.ts';
import { listDeliveries } from '../connections/inbox.ts';
import { getPrivacyRequest, listPrivacyRequests, type PrivacyRequestRow } from '../connections/privacy-requests.ts';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { getStore } from '../stores/store-store.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { Connection, ConnectionInput, ConnectionUpdate, Delivery, PrivacyRequest } from './schemas/connections.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const ConnectionParams = Type.Object({ id: Id('con') });

/** Store connections (Shopify, WooCommerce), their deliveries, the privacy requests they brought. */
export const connectionRoutes =
  (deps: Deps, publicUrl: string | undefined): FastifyPluginAsyncTypebox =>
  async (app) => {
    const present = (request: FastifyRequest, c: ConnectionRow) => ({
      object: 'connection' as const,
      id: c.id,
      platform: c.platform,
      shop_domain: c.shop_domain,
      site_url: c.site_url,
      store_id: c.store_id,
      status: c.status,
      disabled_reason: c.disabled_reason,
      webhook_url: `${publicUrl ?? `${request.protocol}://${request.host}`}/webhooks/${c.platform}/${c.id}`,
      has_admin_access_token: c.admin_access_token_sealed !== null,
      api_url: c.api_url,
      award_on: c.award_on,
      include_test_orders: c.include_test_orders,
      channels: c.channels,
      guests: c.guests,
      excluded_customer_tags: c.excluded_customer_tags,
      reconcile_every_minutes: c.reconcile_every_minutes,
      health: {
        last_delivery_at: iso(c.last_delivery_at),
        last_processed_at: iso(c.last_processed_at),
        last_reconciled_at: iso(c.last_reconciled_at),
        failed_deliveries: c.failed_deliveries,
        last_error: c.last_error,
        last_error_at: iso(c.last_error_at),
      },
      metadata: c.metadata,
      created_at: iso(c.created_at)!,
      updated_at: iso(c.updated_at)!,
    });

    app.post(
      '/v1/connections',
      {
        schema: {
          operationId: 'createConnection',
          tags: ['connections'],
          summary: 'Connect a Shopify shop or a WooCommerce site',
          description: 'Returns the `webhook_url` to subscribe the store’s webhooks to (docs/connections.md has the steps per platform).',
          body: ConnectionInput,
          response: { 201: Connection, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { store_id, ...input } = request.body;
        const storeId = store_id ? (await getStore(deps.db, request.program.id, store_id)).id : request.program.storeId;
        const connection = await createConnection(deps.db, deps.secrets, request.program.id, { ...input, store_id: storeId }, deps.clock.now());
        return reply.status(201).send(present(request, connection));
      },
    );

    app.get(
      '/v1/connections',
      { schema: { operationId: 'listConnections', tags: ['connections'], summary: 'List store connections', querystring: ListQuery, response: { 200: List(Connection), ...errorResponses } } },
      async (request) => toList(await listConnections(deps.db, request.program.id, request.query), request.query.limit, (c) => present(request, c)),
    );

    app.get(
      '/v1/connections/:id',
      { schema: { operationId: 'getConnection', tags: ['connections'], summary: 'Get a connection with its health', params: ConnectionParams, response: { 200: Connection, ...errorResponses } } },
      async (request) => present(request, await getConnection(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/connections/:id',
      {
        schema: {
          operationId: 'updateConnection',
          tags: ['connections'],
          summary: 'Change a connection’s settings, rotate its webhook secret or set its access token',
          description: 'A new `webhook_secret` takes over at once; the old one still verifies deliveries for a day.',
          params: ConnectionParams,
          body: ConnectionUpdate,
          response: { 200: Connection, ...errorResponses },
        },
      },
      async (request) => present(request, await updateConnection(deps.db, deps.secrets, request.program.id, request.params.id, request.body, deps.clock.now())),
    );

    for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
      app.post(
        `/v1/connections/:id/${action}`,
        {
          schema: {
            operationId: `${action}Connection`,
            tags: ['connections'],
            summary: action === 'disable' ? 'Stop applying the store’s orders (privacy requests are still honoured)' : 'Apply the store’s orders again',
            params: ConnectionParams,
            response: { 200: Connection, ...errorResponses },
          },
        },
        async (request) => {
          const current = await getConnection(deps.db, request.program.id, request.params.id);
          return present(request, await setConnectionStatus(deps.db, current.id, status, status === 'disabled' ? 'disabled_by_merchant' : null, deps.clock.now()));
        },
      );
    }

    app.get(
      '/v1/connections/:id/deliveries',
      {
        schema: { operationId: 'listConnectionDeliveries', tags: ['connections'], summary: 'The deliveries the store sent, newest first, with what became of each', params: ConnectionParams, querystring: ListQuery, response: { 200: List(Delivery), ...errorResponses } },
      },
      async (request) => {
        await getConnection(deps.db, request.program.id, request.params.id);
        const rows = await listDeliveries(deps.db, request.program.id, request.params.id, request.query);
        return toList(rows, request.query.limit, (d) => ({ object: 'delivery' as const, ...d, received_at: iso(d.received_at)!, processed_at: iso(d.processed_at) }));
      },
    );

    app.get(
      '/v1/privacy-requests',
      {
        schema: {
          operationId: 'listPrivacyRequests',
          tags: ['connections'],
          summary: 'Privacy requests the stores sent (data requests, erasures), newest first',
          querystring: Type.Object({ ...ListQuery.properties, connection_id: Type.Optional(Id('con')) }),
          response: { 200: List(PrivacyRequest), ...errorResponses },
        },
      },
      async (request) => toList(await listPrivacyRequests(deps.db, request.program.id, request.query), request.query.limit, presentPrivacyRequest),
    );

    app.get(
      '/v1/privacy-requests/:id',
      { schema: { operationId: 'getPrivacyRequest', tags: ['connections'], summary: 'A privacy request, with the customer’s data for a data request', params: Type.Object({ id: Id('prq') }), response: { 200: PrivacyRequest, ...errorResponses } } },
      async (request) => presentPrivacyRequest(await getPrivacyRequest(deps.db, request.program.id, request.params.id)),
    );
  };

function presentPrivacyRequest(row: PrivacyRequestRow) {
  const { regarding_customer_id, ...rest } = row;
  return { object: 'privacy_request' as const, ...rest, customer_id: regarding_customer_id, received_at: iso(row.received_at)!, completed_at: iso(row.completed_at)! };
}
