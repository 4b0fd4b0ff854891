import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listCustomers } from '../customers/customer-store.ts';
import { presentCustomer } from '../customers/presenter.ts';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { customerProfile } from '../workflows/customer-profile.ts';
import { upsertCustomer } from '../workflows/customer-signed-up.ts';
import { errorResponses, ExternalId, Id, List, ListQuery } from './schemas/common.ts';
import { Customer, CustomerInput, CustomerWithExpiry } from './schemas/customers.ts';

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
