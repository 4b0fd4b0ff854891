import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { listCustomers } from '../customers/customer-store.ts';
import { presentCustomer } from '../customers/presenter.ts';
import { assertCauseActive } from '../charity/charity-store.ts';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { assertTimeZone } from '../platform/time-zone.ts';
import { customerProfile } from '../workflows/customer-profile.ts';
import { upsertCustomer } from '../workflows/customer-signed-up.ts';
import { allPages, sendCsv } from '../platform/http/csv.ts';
import { errorResponses, ExternalId, Id, LifecycleStageSchema, List, ListQuery, RfmSegmentSchema } from './schemas/common.ts';
import { Customer, CustomerInput, CustomerWithExpiry } from './schemas/customers.ts';

const CustomerFilter = Type.Object({
  external_id: Type.Optional(ExternalId),
  email: Type.Optional(Type.String({ maxLength: 320, description: 'The whole email, in any case.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Search: a part of the email, the name or the store’s customer id, or a whole `cus_…` id.' })),
  tier_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Customers in this tier; `none` for those in none.' })),
  stage: Type.Optional(LifecycleStageSchema({ description: 'Customers in this lifecycle stage today (the default thresholds of the retention report).' })),
  segment: Type.Optional(RfmSegmentSchema({ description: 'Customers in this RFM segment today: the `rfm_segment` of the customer read (quintiles of the program’s customers, refreshed every ten minutes).' })),
  segment_id: Type.Optional(Id('seg', 'Customers in this saved segment now (`/v1/segments`).')),
});

const CSV_COLUMNS = ['id', 'external_id', 'email', 'first_name', 'last_name', 'points_balance', 'points_pending', 'points_reserved', 'points_earned_lifetime', 'tier_id', 'orders_count', 'total_spent', 'currency', 'first_order_at', 'last_order_at', 'in_holdout', 'marketing_consent', 'created_at'] as const;
const csvValue = (customer: ReturnType<typeof presentCustomer>, column: (typeof CSV_COLUMNS)[number]) => {
  const value = customer[column];
  return typeof value === 'boolean' ? String(value) : value;
};

/** Every customer the filter names, as a CSV download streamed page by page. */
export function sendCustomersCsv(deps: Deps, program: { id: string; currency: string }, filter: Static<typeof CustomerFilter>, reply: FastifyReply, filename = 'customers.csv') {
  const pages = allPages((page) => listCustomers(deps.db, program.id, { ...filter, ...page }, deps.clock.now()));
  const rows = (async function* () {
    for await (const page of pages) yield page.map((c) => CSV_COLUMNS.map((column) => csvValue(presentCustomer(c, program.currency), column)));
  })();
  return sendCsv(reply, filename, CSV_COLUMNS, rows);
}

export const customerRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/customers',
      {
        schema: {
          operationId: 'upsertCustomer',
          tags: ['customers'],
          summary: 'Create or update a customer',
          description: 'Upserts by `external_id` and/or `email`. A new customer gets the sign-up rules\' points. 201 when created, 200 when updated.',
          body: CustomerInput,
          response: { 200: Customer, 201: Customer, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { external_id, email, ...profile } = request.body;
        if (profile.time_zone) profile.time_zone = assertTimeZone(profile.time_zone);
        if (profile.cause_id) await assertCauseActive(deps.db, request.program.id, profile.cause_id, 'cause_id');
        const result = await upsertCustomer(deps, request.program, { external_id, email }, profile);
        return reply.status(result.created ? 201 : 200).send(presentCustomer(result.customer, request.program.currency));
      },
    );

    app.get(
      '/v1/customers',
      {
        schema: {
          operationId: 'listCustomers',
          tags: ['customers'],
          summary: 'List or find customers',
          querystring: Type.Object({ ...ListQuery.properties, ...CustomerFilter.properties }),
          response: { 200: List(Customer), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listCustomers(deps.db, request.program.id, request.query, deps.clock.now());
        return toList(rows, request.query.limit, (row) => presentCustomer(row, request.program.currency));
      },
    );

    app.get(
      '/v1/customers/export',
      {
        schema: {
          operationId: 'exportCustomers',
          tags: ['customers'],
          summary: 'The customers as CSV, with the same filters as the list',
          description: 'Every matching customer, newest first, streamed; money in minor units of `currency`.',
          querystring: CustomerFilter,
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'CSV with a header row.' }), ...errorResponses },
        },
      },
      async (request, reply) => sendCustomersCsv(deps, request.program, request.query, reply),
    );

    app.get(
      '/v1/customers/:id',
      {
        schema: {
          operationId: 'getCustomer',
          tags: ['customers'],
          summary: 'Get a customer with balances, order stats, tier and progress, and when their points expire',
          params: Type.Object({ id: Id('cus') }),
          response: { 200: CustomerWithExpiry, ...errorResponses },
        },
      },
      async (request) => {
        const { customer, ...sections } = await customerProfile(deps, request.program.id, request.params.id);
        return { ...presentCustomer(customer, request.program.currency), ...sections };
      },
    );
  };
