import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CustomerKeysInput } from './schemas/customers.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { errorResponses, Timestamp } from './schemas/common.ts';
import { reportEvent } from '../workflows/event-received.ts';

const Event = Type.Object(
  {
    object: Type.Literal('event'),
    id: Type.String(),
    type: Type.String(),
    customer_id: Type.String(),
    idempotency_key: Type.String(),
    properties: Type.Record(Type.String(), Type.Unknown()),
    occurred_at: Timestamp,
    points_awarded: Type.Integer(),
    created_at: Timestamp,
  },
);

export const eventRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/events',
      {
        schema: {
          operationId: 'reportEvent',
          tags: ['events'],
          summary: 'Report something a customer did, to award action rules',
          description:
            'Built-in types: signup, profile_completed, social_follow and social_share (with `properties.network`), review, newsletter_signup; any other lower-case name is a custom event. ' +
            'Birthdays are awarded by the daily sweep. Idempotent per customer on `idempotency_key`: a replay returns the first event (200).',
          body: Body({
            customer: CustomerKeysInput,
            type: Type.String({ pattern: '^[a-z0-9][a-z0-9_.:-]{0,63}$' }),
            idempotency_key: Type.String({ minLength: 1, maxLength: 255 }),
            occurred_at: Type.Optional(Timestamp),
            properties: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 50 })),
          }),
          response: { 200: Event, 201: Event, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { customer, type, idempotency_key, occurred_at, properties } = request.body;
        if (type === 'birthday') throw invalidRequest('reserved_event_type', 'Birthday points are awarded by the daily birthday sweep from the customer\'s birthday.', 'type');
        const result = await reportEvent(deps, request.program, customer, {
          type,
          idempotency_key,
          properties: properties ?? {},
          occurred_at: occurred_at ? new Date(occurred_at) : deps.clock.now(),
        });
        const e = result.event;
        return reply.status(result.awards ? 201 : 200).send({
          object: 'event' as const,
          id: e.id,
          type: e.type,
          customer_id: e.customer_id,
          idempotency_key: e.idempotency_key,
          properties: e.properties as Record<string, unknown>,
          occurred_at: new Date(e.occurred_at).toISOString(),
          points_awarded: e.points_awarded,
          created_at: new Date(e.created_at).toISOString(),
        });
      },
    );
  };
