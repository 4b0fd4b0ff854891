import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, ExternalId, Id, List, ListQuery } from './schemas/common.ts';
import { assertCurrency } from '../platform/money.ts';
import { cancelOrder } from '../workflows/order-cancelled.ts';
import { GroupCommit } from '../platform/group-commit.ts';
import { ordersIngested } from '../platform/metrics.ts';
import { placeOrders, type OrderRequest, type PlacedOrder } from '../workflows/order-placed.ts';
import { refundOrder } from '../workflows/order-refunded.ts';
import { awardsOfOrder, getOrder, listOrders, type OrderRow } from '../orders/order-store.ts';
import { presentOrder, presentRefund } from '../orders/presenter.ts';
import { Order, OrderInput, Refund, RefundInput } from './schemas/orders.ts';

const OrderParams = Type.Object({ id: Id('ord') });

export const orderRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const withAwards = async (order: OrderRow) => presentOrder(order, await awardsOfOrder(deps.db, order.customer_id, order.id));
    const intake = new GroupCommit<OrderRequest, PlacedOrder>((requests) => placeOrders(deps, requests), { name: 'orders', maxGroup: 64, maxInFlight: 2 });

    app.post(
      '/v1/orders',
      {
        schema: {
          operationId: 'createOrder',
          tags: ['orders'],
          summary: 'Record an order and award its points',
          description: 'Idempotent on the store and `external_id`: a replay returns the first result (200) and awards nothing more.',
          body: OrderInput,
          response: { 200: Order, 201: Order, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { customer, ...body } = request.body;
        const input = {
          ...body,
          currency: assertCurrency(body.currency),
          shipping: body.shipping ?? 0,
          tax: body.tax ?? 0,
          discount: body.discount ?? 0,
          line_items: body.line_items ?? [],
          discount_codes: body.discount_codes ?? [],
          placed_at: body.placed_at ? new Date(body.placed_at) : deps.clock.now(),
          metadata: body.metadata ?? {},
        };
        const { order, awards } = await intake.submit({ program: request.program, customer, order: input });
        ordersIngested.inc({ result: awards ? 'created' : 'replayed' });
        if (!awards) return reply.status(200).send(await withAwards(order));
        return reply.status(201).send(presentOrder(order, awards));
      },
    );

    app.get(
      '/v1/orders',
      {
        schema: {
          operationId: 'listOrders',
          tags: ['orders'],
          summary: 'List orders',
          querystring: Type.Object({ ...ListQuery.properties, customer_id: Type.Optional(Id('cus')), external_id: Type.Optional(ExternalId) }),
          response: { 200: List(Order), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listOrders(deps.db, request.program.id, request.query);
        const list = toList(rows, request.query.limit, (r) => r);
        return { ...list, data: await Promise.all(list.data.map(withAwards)) };
      },
    );

    app.get(
      '/v1/orders/:id',
      { schema: { operationId: 'getOrder', tags: ['orders'], summary: 'Get an order with its awards', params: OrderParams, response: { 200: Order, ...errorResponses } } },
      async (request) => withAwards(await getOrder(deps.db, request.program.id, request.params.id)),
    );

    app.post(
      '/v1/orders/:id/cancel',
      { schema: { operationId: 'cancelOrder', tags: ['orders'], summary: 'Cancel an order and take back its points', params: OrderParams, response: { 200: Order, ...errorResponses } } },
      async (request) => withAwards(await cancelOrder(deps, request.program, request.params.id)),
    );

    app.post(
      '/v1/orders/:id/refunds',
      {
        schema: {
          operationId: 'refundOrder',
          tags: ['orders'],
          summary: 'Refund part or all of an order and take back points in proportion',
          description:
            'Give `amount` (merchandise, no shipping or tax) or `line_items`, or neither for a full refund. Idempotent on the order and `external_id`. ' +
            'Points due back after refunds totalling R of the paid merchandise P: floor(earned × R ÷ P), rounded in the shopper\'s favour; a full refund takes back all.',
          params: OrderParams,
          body: RefundInput,
          response: { 200: Refund, 201: Refund, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { refund, created } = await refundOrder(deps, request.program, request.params.id, request.body);
        return reply.status(created ? 201 : 200).send(presentRefund(refund));
      },
    );
  };
