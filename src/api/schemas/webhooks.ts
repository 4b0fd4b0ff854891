import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

export const WebhookEndpoint = Type.Object({
  object: Type.Literal('webhook_endpoint'),
  id: Type.String({ description: '`whe_…`' }),
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(Type.String(), { description: 'Event types, families (`points.*`) or `*` for all.' }),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')]),
  disabled_reason: Nullable(Type.Union([Type.Literal('gone'), Type.Literal('failing'), Type.Literal('by_merchant')]), { description: '`gone`: the endpoint answered 410; `failing`: every attempt failed for 5 days; `by_merchant`.' }),
  previous_secret_expires_at: Nullable(Timestamp, { description: 'After a rotation: until when the previous secret signs beside the new one.' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const WebhookEndpointWithSecret = Type.Intersect([WebhookEndpoint, Type.Object({ secret: Type.String({ description: '`whsec_…`, shown this once: keep it where your receiver can read it.' }) })]);

export const WebhookAttempt = Type.Object({
  attempted_at: Timestamp,
  status: Nullable(Type.Integer(), { description: 'The HTTP status; null when there was no answer.' }),
  latency_ms: Type.Integer(),
  response: Type.String({ description: 'The first 1 kB of the answer.' }),
  error: Nullable(Type.String(), { description: 'Why there was no answer: a timeout, a refused address, a connection error.' }),
});

export const WebhookDelivery = Type.Object({
  object: Type.Literal('webhook_delivery'),
  id: Type.String({ description: '`whd_…`' }),
  endpoint_id: Type.String(),
  event_id: Type.String({ description: 'The `webhook-id` header.' }),
  event_type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
  attempt_count: Type.Integer(),
  next_attempt_at: Nullable(Timestamp, { description: 'When a pending delivery is tried next.' }),
  last_status: Nullable(Type.Integer()),
  payload: Type.Unknown({ description: 'The body sent, parsed.' }),
  attempts: Type.Array(WebhookAttempt, { description: 'Every attempt, oldest first.' }),
  created_at: Timestamp,
  finished_at: Nullable(Timestamp),
});
