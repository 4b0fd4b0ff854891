import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

/** Kysely's view of store connections, their inbox and what was applied of each store order. */
export interface ConnectionsTable {
  id: string;
  program_id: string;
  store_id: string;
  platform: 'shopify' | 'woocommerce';
  shop_domain: string | null;
  site_url: string | null;
  webhook_secret_sealed: string;
  /** After a rotation, the old secret still verifies deliveries until previous_secret_until. */
  previous_secret_sealed: string | null;
  previous_secret_until: Timestamp | null;
  admin_access_token_sealed: string | null;
  api_url: string | null;
  status: Generated<'active' | 'disabled'>;
  disabled_reason: string | null;
  award_on: 'paid' | 'created' | 'fulfilled' | 'processing' | 'completed';
  include_test_orders: Generated<boolean>;
  channels: Generated<string[]>;
  guests: Generated<'by_email' | 'ignore'>;
  excluded_customer_tags: Generated<string[]>;
  reconcile_every_minutes: Generated<number>;
  reconciled_until: Timestamp | null;
  last_delivery_at: Timestamp | null;
  last_processed_at: Timestamp | null;
  last_reconciled_at: Timestamp | null;
  failed_deliveries: Generated<number>;
  last_error: string | null;
  last_error_at: Timestamp | null;
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StoreDeliveriesTable {
  id: string;
  connection_id: string;
  program_id: string;
  delivery_id: string | null;
  event_id: string | null;
  topic: string;
  subject: string;
  headers: Json<Record<string, string>>;
  body: string | null;
  status: Generated<'received' | 'processing' | 'processed' | 'skipped' | 'failed'>;
  attempts: Generated<number>;
  not_before: Timestamp;
  received_at: Timestamp;
  claimed_at: Timestamp | null;
  processed_at: Timestamp | null;
  error: string | null;
}

export interface StoreOrdersTable {
  connection_id: string;
  external_id: string;
  order_id: string | null;
  snapshot_updated_at: Timestamp | null;
  state: 'waiting' | 'awarded' | 'cancelled' | 'excluded';
  reason: string | null;
  updated_at: Timestamp;
}

export interface StoreRefundsTable {
  connection_id: string;
  external_id: string;
  order_external_id: string;
  refund: Json<unknown>;
  received_at: Timestamp;
  applied_at: Timestamp | null;
}

export interface PrivacyRequestsTable {
  id: string;
  program_id: string;
  connection_id: string;
  kind: 'data_request' | 'customer_redact' | 'shop_redact';
  regarding_customer_id: string | null;
  external_customer_id: string | null;
  external_request_id: string | null;
  status: 'completed' | 'no_data';
  export: Json<unknown> | null;
  received_at: Timestamp;
  completed_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  program_id: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Json<Record<string, unknown>>;
  created_at: Timestamp;
  actor_name: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  reason: string | null;
}

export interface StoreCustomersTable {
  connection_id: string;
  customer_id: string;
  external_id: string;
  written_tags: string[];
  written_at: Timestamp;
}

export interface ReferralVisitsTable {
  id: string;
  program_id: string;
  code: string;
  advocate_id: string | null;
  visited_at: Timestamp;
  ip_hash: string | null;
  referer: string | null;
}
