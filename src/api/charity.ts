import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery, Nullable, Timestamp } from './schemas/common.ts';
import { causeTotals, createCause, donationReport, getCause, listCauses, updateCause, type CauseRow, type CauseTotals } from '../charity/charity-store.ts';

const Cause = Type.Object({
  object: Type.Literal('cause'),
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  donations: Type.Integer({ description: 'Donations so far.' }),
  points_donated: Type.Integer(),
  amount_donated: Type.Integer({ description: 'Money the program donates for them, in minor units.' }),
  created_at: Timestamp,
});

const present = (c: CauseRow, totals: CauseTotals | undefined) => ({
  object: 'cause' as const,
  id: c.id,
  name: c.name,
  description: c.description,
  status: c.status,
  donations: totals?.donations ?? 0,
  points_donated: totals?.points ?? 0,
  amount_donated: totals?.amount ?? 0,
  created_at: new Date(c.created_at).toISOString(),
});

const CauseParams = Type.Object({ id: Id('cause') });

export const charityRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const withTotals = async (programId: string, causes: CauseRow[]) => {
      const totals = await causeTotals(deps.db, programId, causes.map((c) => c.id));
      return causes.map((c) => present(c, totals.get(c.id)));
    };

    app.post(
      '/v1/charity/causes',
      {
        schema: {
          operationId: 'createCause',
          tags: ['charity'],
          summary: 'Add a cause shoppers can donate points to (through charity_donation rewards)',
          body: Body({ name: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: { 201: Cause, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(present(await createCause(deps.db, request.program.id, request.body, deps.clock.now()), undefined)),
    );

    app.get(
      '/v1/charity/causes',
      { schema: { operationId: 'listCauses', tags: ['charity'], summary: 'List causes with running totals', querystring: ListQuery, response: { 200: List(Cause), ...errorResponses } } },
      async (request) => {
        const list = toList(await listCauses(deps.db, request.program.id, request.query), request.query.limit, (c) => c);
        return { ...list, data: await withTotals(request.program.id, list.data) };
      },
    );

    app.get(
      '/v1/charity/causes/:id',
      { schema: { operationId: 'getCause', tags: ['charity'], summary: 'Get a cause with its running totals', params: CauseParams, response: { 200: Cause, ...errorResponses } } },
      async (request) => (await withTotals(request.program.id, [await getCause(deps.db, request.program.id, request.params.id)]))[0]!,
    );

    app.patch(
      '/v1/charity/causes/:id',
      {
        schema: {
          operationId: 'updateCause',
          tags: ['charity'],
          summary: 'Rename, describe or archive a cause',
          params: CauseParams,
          body: Body({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
          }),
          response: { 200: Cause, ...errorResponses },
        },
      },
      async (request) => (await withTotals(request.program.id, [await updateCause(deps.db, request.program.id, request.params.id, request.body, deps.clock.now())]))[0]!,
    );

    app.get(
      '/v1/charity/report',
      {
        schema: {
          operationId: 'getCharityReport',
          tags: ['charity'],
          summary: 'Donations per cause per month, shopper-redeemed and merchant-funded',
          querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'Exclusive.' }) }),
          response: {
            200: Type.Object({
              object: Type.Literal('charity_report'),
              from: Type.String(),
              to: Type.String(),
              data: Type.Array(Type.Object({ cause_id: Type.String(), name: Type.String(), month: Type.String(), source: Type.Union([Type.Literal('points'), Type.Literal('order')], { description: 'points: shoppers redeemed points for the cause; order: the program gave a share of orders (merchant-funded), net of refunds.' }), donations: Type.Integer(), points: Type.Integer(), amount: Type.Integer(), currency: Type.String() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        const rows = await donationReport(deps.db, request.program.id, { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
        return { object: 'charity_report' as const, from, to, data: rows.map((r) => ({ ...r, points: Number(r.points), amount: Number(r.amount) })) };
      },
    );
  };
