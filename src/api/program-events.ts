import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery, Nullable, Timestamp } from './schemas/common.ts';
import { listEvents } from '../program-events/program-event-store.ts';

const ProgramEvent = Type.Object({
  object: Type.Literal('program_event'),
  id: Type.String(),
  type: Type.String({ description: 'One of the types docs/webhooks.md lists (`points.earned`, `tier.upgraded`, …); emails and webhooks build on these.' }),
  customer_id: Nullable(Type.String(), { description: 'Null for the program’s own events (`webhook_endpoint.disabled`).' }),
  sequence: Nullable(Type.Integer(), { description: 'The event’s place in its customer’s sequence.' }),
  data: Type.Record(Type.String(), Type.Unknown()),
  created_at: Timestamp,
});

export const programEventRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/program-events',
      {
        schema: {
          operationId: 'listProgramEvents',
          tags: ['program events'],
          summary: 'What the engine announced (points expiring soon, …), newest first',
          querystring: Type.Object({ ...ListQuery.properties, customer_id: Type.Optional(Id('cus')), type: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 200: List(ProgramEvent), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listEvents(deps.db, request.program.id, request.query);
        return toList(rows, request.query.limit, (e) => ({
          object: 'program_event' as const,
          id: e.id,
          type: e.type,
          customer_id: e.customer_id,
          sequence: e.sequence,
          data: e.data as Record<string, unknown>,
          created_at: new Date(e.created_at).toISOString(),
        }));
      },
    );
  };
