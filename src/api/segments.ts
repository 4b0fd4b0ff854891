import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { listCustomers } from '../customers/customer-store.ts';
import { presentCustomer } from '../customers/presenter.ts';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { countMembers, createSegment, definitionOf, deleteSegment, getSegment, listSegments, updateSegment, type SegmentRow } from '../segments/segment-store.ts';
import { sendCustomersCsv } from './customers.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { Customer } from './schemas/customers.ts';
import { Segment, SegmentCondition, SegmentCreate, SegmentPreview, SegmentUpdate } from './schemas/segments.ts';

const Params = Type.Object({ id: Id('seg') });

/** Segments (docs/segments.md): saved audiences with a live count, for rewards, gifts and exports. */
export const segmentRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const present = async (row: SegmentRow) => ({
      object: 'segment' as const,
      id: row.id,
      name: row.name,
      match: row.match,
      // Stored as the schema admitted it.
      conditions: row.conditions as Static<typeof SegmentCondition>[],
      count: await countMembers(deps.readDb, row.program_id, definitionOf(row), deps.clock.now()),
      created_at: new Date(row.created_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
    });

    app.post('/v1/segments', { schema: { operationId: 'createSegment', tags: ['segments'], summary: 'Save an audience: conditions on tier, RFM segment, stage, tags, orders, spend, products bought, points, language, holdout', body: SegmentCreate, response: { 201: Segment, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await present(await createSegment(deps.db, request.program.id, request.body, deps.clock.now()))),
    );

    app.post('/v1/segments/preview', { schema: { operationId: 'previewSegment', tags: ['segments'], summary: 'How many customers these conditions hold for now, without saving', body: Type.Omit(SegmentCreate, ['name']), response: { 200: SegmentPreview, ...errorResponses } } }, async (request) => ({
      object: 'segment_preview' as const,
      count: await countMembers(deps.readDb, request.program.id, request.body, deps.clock.now()),
    }));

    app.get('/v1/segments', { schema: { operationId: 'listSegments', tags: ['segments'], summary: 'The program’s segments, each with its count now', response: { 200: List(Segment), ...errorResponses } } }, async (request) => {
      const rows = await listSegments(deps.db, request.program.id);
      return { object: 'list' as const, data: await Promise.all(rows.map(present)), has_more: false };
    });

    app.get('/v1/segments/:id', { schema: { operationId: 'getSegment', tags: ['segments'], summary: 'A segment and its count now', params: Params, response: { 200: Segment, ...errorResponses } } }, async (request) => present(await getSegment(deps.db, request.program.id, request.params.id)));

    app.patch('/v1/segments/:id', { schema: { operationId: 'updateSegment', tags: ['segments'], summary: 'Rename a segment or change its conditions', params: Params, body: SegmentUpdate, response: { 200: Segment, ...errorResponses } } }, async (request) =>
      present(await updateSegment(deps.db, request.program.id, request.params.id, request.body, deps.clock.now())),
    );

    app.delete('/v1/segments/:id', { schema: { operationId: 'deleteSegment', tags: ['segments'], summary: 'Delete a segment no reward or scheduled gift uses', params: Params, response: { 200: Type.Object({ object: Type.Literal('segment'), id: Type.String(), deleted: Type.Literal(true) }), ...errorResponses } } }, async (request) => {
      await deleteSegment(deps.db, request.program.id, request.params.id);
      return { object: 'segment' as const, id: request.params.id, deleted: true as const };
    });

    app.get('/v1/segments/:id/customers', { schema: { operationId: 'listSegmentCustomers', tags: ['segments'], summary: 'The segment’s customers now, newest first', params: Params, querystring: ListQuery, response: { 200: List(Customer), ...errorResponses } } }, async (request) => {
      await getSegment(deps.db, request.program.id, request.params.id);
      const rows = await listCustomers(deps.readDb, request.program.id, { ...request.query, segment_id: request.params.id }, deps.clock.now());
      return toList(rows, request.query.limit, (row) => presentCustomer(row, request.program.currency));
    });

    app.get(
      '/v1/segments/:id/customers/export',
      { schema: { operationId: 'exportSegmentCustomers', tags: ['segments'], summary: 'The segment’s customers as CSV', params: Params, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV with a header row, as /v1/customers/export.' }), ...errorResponses } } },
      async (request, reply) => {
        const segment = await getSegment(deps.db, request.program.id, request.params.id);
        return sendCustomersCsv(deps, request.program, { segment_id: segment.id }, reply, `segment-${segment.id}.csv`);
      },
    );
  };
