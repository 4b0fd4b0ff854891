import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, ExternalId, Id, List, ListQuery } from '../platform/http/schemas.ts';
import { receiveEvent } from '../workflows/event-received.ts';
import { getCustomer, listCustomers, resolveCustomer } from './customer-store.ts';
import { presentCustomer } from './presenter.ts';
import { describeExpiry } from '../ledger/expiry-view.ts';
import { describeTier } from '../tiers/tier-view.ts';
import { stampProgressOf } from '../stamp-cards/stamp-card-store.ts';
import { describeChallenges } from '../challenges/challenge-view.ts';
import { lifecycleStage } from '../analytics/segments.ts';
import { customerSegment } from '../analytics/customer-segment.ts';

const DAY_MS = 86_400_000;

/** Where the customer is in their lifecycle, with the default thresholds (see the retention report). */
const stageOf = (c: { orders_count: number; first_order_at: Date | null; last_order_at: Date | null }, now: Date) =>
  c.first_order_at && c.last_order_at
    ? lifecycleStage({ orders: c.orders_count, days_since_first: (now.getTime() - new Date(c.first_order_at).getTime()) / DAY_MS, days_since_last: (now.getTime() - new Date(c.last_order_at).getTime()) / DAY_MS })
    : null;
import { expiryPolicyOf, getProgram } from '../programs/program-store.ts';
import { Customer, CustomerInput, CustomerWithExpiry } from './schemas.ts';

export const customerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/customers',
      {
        schema: {
          tags: ['customers'],
          summary: 'Create or update a customer',
          description: 'Upserts by `external_id` and/or `email`. A new customer gets the sign-up rules\' points. 201 when created, 200 when updated.',
          body: CustomerInput,
          response: { 200: Customer, 201: Customer, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { external_id, email, ...profile } = request.body;
        const now = deps.clock.now();
        const result = await deps.db.transaction().execute(async (tx) => {
          const resolved = await resolveCustomer(tx, request.program.id, { external_id, email }, now, profile);
          if (!resolved.created) return resolved;
          await receiveEvent(tx, request.program, resolved.customer, { type: 'signup', idempotency_key: 'signup', properties: {}, occurred_at: now }, now);
          return { customer: await getCustomer(tx, request.program.id, resolved.customer.id), created: true };
        });
        return reply.status(result.created ? 201 : 200).send(presentCustomer(result.customer, request.program.currency));
      },
    );

    app.get(
      '/v1/customers',
      {
        schema: {
          tags: ['customers'],
          summary: 'List or find customers',
          querystring: Type.Object({ ...ListQuery.properties, external_id: Type.Optional(ExternalId), email: Type.Optional(Type.String({ maxLength: 320 })) }),
          response: { 200: List(Customer), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listCustomers(deps.db, request.program.id, request.query);
        return toList(rows, request.query.limit, (row) => presentCustomer(row, request.program.currency));
      },
    );

    app.get(
      '/v1/customers/:id',
      {
        schema: {
          tags: ['customers'],
          summary: 'Get a customer with balances, order stats, tier and progress, and when their points expire',
          params: Type.Object({ id: Id('cus') }),
          response: { 200: CustomerWithExpiry, ...errorResponses },
        },
      },
      async (request) => {
        const programId = request.program.id;
        const customer = await getCustomer(deps.db, programId, request.params.id);
        // The sections read different tables and change nothing: they are asked for at once.
        const [expiry, tier, cards, challenges, segment] = await Promise.all([
          getProgram(deps.db, programId).then((program) => describeExpiry(deps.db, customer, expiryPolicyOf(program!))),
          describeTier(deps.db, programId, customer, deps.clock.now()),
          stampProgressOf(deps.db, programId, customer.id),
          describeChallenges(deps.db, programId, customer.id),
          customerSegment(deps.db, programId, customer),
        ]);
        return {
          ...presentCustomer(customer, request.program.currency),
          points_expiry: expiry,
          ...tier,
          stamp_cards: cards
            .filter((c) => c.active || c.stamps !== null)
            .map((c) => ({ card_id: c.card_id, name: c.name, stamps: c.stamps ?? 0, stamps_required: c.stamps_required, cards_completed: c.cards_completed ?? 0 })),
          challenges,
          lifecycle_stage: stageOf(customer, deps.clock.now()),
          rfm_segment: segment,
        };
      },
    );
  };
