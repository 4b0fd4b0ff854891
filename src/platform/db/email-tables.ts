import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

/** Tables of migrations/0021_emails.sql: the lifecycle flows' settings, templates, messages and suppressions. */
export interface EmailFlowSettingsTable {
  program_id: string;
  flow: string;
  enabled: boolean;
  category: 'marketing' | 'transactional';
  delay_minutes: number | null;
  conditions: Json<Record<string, unknown>>;
  reward_id: string | null;
  updated_at: Timestamp;
}

export interface EmailTemplatesTable {
  program_id: string;
  template: string;
  locale: string;
  subject: string;
  preheader: string;
  heading: string;
  body: string;
  button: string;
  updated_at: Timestamp;
}

export type EmailStatus = 'queued' | 'deferred' | 'sent' | 'outbox' | 'suppressed' | 'failed' | 'cancelled';

export interface EmailMessagesTable {
  id: string;
  program_id: string;
  customer_id: string;
  flow: string;
  template: string;
  trigger_key: string;
  category: 'marketing' | 'transactional';
  status: EmailStatus;
  reason: string | null;
  context: ColumnType<Record<string, string | number>, string | undefined, string>;
  send_after: Timestamp;
  attempts: Generated<number>;
  claimed_until: Timestamp | null;
  to_address: string | null;
  locale: string | null;
  subject: string | null;
  html: string | null;
  text_body: string | null;
  smtp_response: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface EmailSuppressionsTable {
  program_id: string;
  email: string;
  reason: string;
  created_at: Timestamp;
}

/** migrations/0023_product_settings.sql: a product's lifespan, for replenishment. */
export interface ProductSettingsTable {
  program_id: string;
  product_id: string;
  lifespan_days: number | null;
  updated_at: Timestamp;
}

/** migrations/0024_email_unsubscribes.sql: every opt-out from an email's link. */
export interface EmailUnsubscribesTable {
  program_id: string;
  customer_id: string;
  via: 'one_click' | 'page';
  at: Timestamp;
}

/** migrations/0026_email_link_tracking.sql: a click through a tracked link. */
export interface EmailClicksTable {
  program_id: string;
  customer_id: string;
  message_id: string;
  url: string;
  at: Timestamp;
}

export type CampaignStatus = 'scheduled' | 'started' | 'cancelled';

/** migrations/0030_email_campaigns.sql: a one-off email to a segment. */
export interface EmailCampaignsTable {
  id: string;
  program_id: string;
  name: string;
  kind: ColumnType<'message' | 'survey', 'message' | 'survey' | undefined, 'message' | 'survey'>;
  segment_id: string | null;
  /** {locale: EmailContent} */
  content: Json<Record<string, { subject: string; preheader: string; heading: string; body: string; button: string }>>;
  button_url: string | null;
  gift_id: string | null;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  scheduled_at: Timestamp;
  recipients: number | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}
