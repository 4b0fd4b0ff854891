import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

/** The outbox: what the engine announced, per customer (migrations 0003 and 0027). */
export interface ProgramEventsTable {
  id: string;
  program_id: string;
  /** Null for the program's own events (`webhook_endpoint.disabled`). */
  customer_id: string | null;
  type: string;
  dedupe_key: string;
  data: Json<Record<string, unknown>>;
  /** The event's place in its customer's sequence (customers.event_sequence). */
  sequence: number | null;
  created_at: Timestamp;
}


/** Tables of migrations/0027_webhooks.sql: the merchant's endpoints, one delivery per endpoint and event, and each attempt. */
export interface WebhookEndpointsTable {
  id: string;
  program_id: string;
  url: string;
  description: Generated<string>;
  events: string[];
  /** Sealed (platform/secrets.ts). */
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  status: ColumnType<'enabled' | 'disabled', 'enabled' | 'disabled' | undefined, 'enabled' | 'disabled'>;
  disabled_reason: string | null;
  failing_since: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  program_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  step: Generated<number>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_status: number | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: Timestamp;
  status: number | null;
  latency_ms: number;
  response: Generated<string>;
  error: string | null;
}
