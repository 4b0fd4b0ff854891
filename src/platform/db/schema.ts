import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';
import type { AdminSessionsTable, AdminUsersTable, ProgramUsersTable, SetupLinksTable } from './admin-user-tables.ts';
import type { OrderImportsTable } from './import-tables.ts';
import type { ProductBestSellersTable, ProductPairRefreshesTable, ProductPairsTable } from './recommendation-tables.ts';
import type { AcquisitionCostsTable, GiftRecipientsTable, GiftsTable, SegmentsTable } from './segment-tables.ts';
import type { ProfileAnswersTable, ProfileQuestionsTable } from './profile-tables.ts';
import type { ProgramEventsTable, WebhookAttemptsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from './webhook-tables.ts';
export type { ProgramEventsTable };
import type { SurveyResponsesTable } from './survey-tables.ts';
import type { CharityCausesTable, DonationsTable } from './charity-tables.ts';
export type { CharityCausesTable, DonationsTable };
import type { ExperimentMembersTable, ExperimentsTable } from './experiment-tables.ts';
import type { EmailCampaignsTable, EmailFlowSettingsTable, EmailMessagesTable, EmailSuppressionsTable, EmailClicksTable, EmailTemplatesTable, EmailUnsubscribesTable, ProductSettingsTable } from './email-tables.ts';
import type { AuditLogTable, ConnectionsTable, PrivacyRequestsTable, ReferralVisitsTable, StoreCustomersTable, StoreDeliveriesTable, StoreOrdersTable, StoreRefundsTable } from './connection-tables.ts';
import type { TiersTable, TierChangesTable, TierEntryRewardsTable, TierRecalculationsTable, ReferralsTable, StampCardsTable, StampProgressTable, StampsTable, ChallengesTable, ChallengeProgressTable, ChallengeStepsTable, MembershipPlansTable, MembershipsTable, MembershipPeriodRewardsTable } from './program-type-tables.ts';

/** Kysely's view of the tables in migrations/. Money and points are bigint, read as numbers. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type * from './program-type-tables.ts';

export interface ProgramsTable {
  id: string;
  name: string;
  currency: string;
  allow_negative_balance: Generated<boolean>;
  code_prefix: string | null;
  return_points_on_code_expiry: Generated<boolean>;
  expiry_policy: Generated<'none' | 'fixed' | 'inactivity'>;
  expiry_days: number | null;
  expiry_months: number | null;
  expiry_warning_days: Generated<number>;
  tier_metric: Generated<'points_earned' | 'amount_spent' | 'orders_count'>;
  tier_period: Generated<'lifetime' | 'calendar_year' | 'rolling_12_months'>;
  tier_grace_days: Generated<number>;
  referral_friend_reward_id: string | null;
  referral_advocate_reward_id: string | null;
  referral_advocate_points: Generated<number>;
  referral_hold_days: Generated<number>;
  referral_ip_limit_per_week: Generated<number>;
  referral_link_base: string | null;
  cashback_bps: Generated<number>;
  cashback_hold_days: Generated<number>;
  /** Merchant-funded giving: a share (basis points) and/or a fixed amount of each order, to a cause. */
  giving_bps: Generated<number>;
  giving_fixed_minor: Generated<number>;
  giving_cause_id: string | null;
  billing_webhook_secret: string | null;
  coalition_point_value_minor: Generated<number>;
  point_cost_per_1000: Generated<number>;
  holdout_percent: Generated<number>;
  rate_limit_per_minute: number | null;
  publishable_rate_limit_per_minute: number | null;
  support_adjustment_limit: Generated<number>;
  slug: string;
  publishable_key: string;
  widget_secret_sealed: string | null;
  previous_widget_secret_sealed: string | null;
  previous_widget_secret_until: Timestamp | null;
  storefront_origins: Generated<string[]>;
  signup_url: string | null;
  login_url: string | null;
  store_url: string | null;
  default_locale: Generated<string>;
  email_from: string | null;
  email_reply_to: string | null;
  email_postal_address: string | null;
  review_url: string | null;
  email_quiet_hours: ColumnType<{ start: string; end: string } | null, string | null | undefined, string | null>;
  email_frequency_cap_hours: Generated<number>;
  email_link_tracking: Generated<boolean>;
  widget_theme: ColumnType<WidgetTheme, string | undefined, string>;
  widget_texts: ColumnType<Record<string, Record<string, string>>, string | undefined, string>;
  created_at: DefaultedTimestamp;
}

/** How the widget looks; every field optional (the default theme passes WCAG AA contrast). */
export interface WidgetTheme {
  primary_color?: string;
  text_color?: string;
  background_color?: string;
  font_family?: string;
  radius_px?: number;
  launcher_position?: 'start' | 'end';
  launcher_label?: string;
  launcher_icon?: 'star' | 'gift' | 'heart' | 'crown';
}

export interface ApiKeysTable {
  id: string;
  program_id: string;
  key_hash: string;
  key_hint: string;
  label: string;
  created_at: DefaultedTimestamp;
  revoked_at: Timestamp | null;
  store_id: string | null;
}

export interface StoresTable {
  id: string;
  program_id: string;
  name: string;
  currency: string;
  is_default: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

export interface CustomersTable {
  id: string;
  program_id: string;
  external_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: ColumnType<string | null, string | null, string | null>;
  marketing_consent: Generated<boolean>;
  tags: Generated<string[]>;
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  points_available: Generated<number>;
  points_pending: Generated<number>;
  points_reserved: Generated<number>;
  store_credit_minor: Generated<number>;
  store_credit_pending_minor: Generated<number>;
  points_earned_lifetime: Generated<number>;
  orders_count: Generated<number>;
  total_spent_minor: Generated<number>;
  first_order_at: Timestamp | null;
  last_order_at: Timestamp | null;
  last_activity_at: Timestamp | null;
  tier_id: string | null;
  tier_since: Timestamp | null;
  tier_unsupported_since: Timestamp | null;
  referral_code: string | null;
  in_holdout: Generated<boolean>;
  /** The cause the shopper chose for merchant-funded giving; none: the program's. */
  cause_id: Generated<string | null>;
  /** The customer's language (en, ar, fa, zh-Hans, zh-Hant) and IANA time zone, for emails; unknown: the program's. */
  locale: string | null;
  time_zone: string | null;
  /** Set when an import (customers, order history) made the customer: no welcome email for them. */
  imported_at: Timestamp | null;
  /** When the customer's personal data was erased at the store's request (privacy); amounts stay. */
  redacted_at: Timestamp | null;
  /** The last program event's number in this customer's sequence. */
  event_sequence: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LineItem {
  /** The store's own id of this line, when it has one: refunds may name the line by it. */
  line_id?: string;
  product_id: string;
  variant_id?: string;
  sku?: string;
  title: string;
  quantity: number;
  unit_price: number;
  collections?: string[];
  tags?: string[];
}

export interface OrdersTable {
  id: string;
  program_id: string;
  store_id: string;
  customer_id: string;
  external_id: string;
  currency: string;
  subtotal_minor: number;
  total_minor: number;
  shipping_minor: number;
  tax_minor: number;
  discount_minor: number;
  line_items: Json<LineItem[]>;
  discount_codes: Generated<string[]>;
  placed_at: Timestamp;
  status: Generated<'placed' | 'cancelled'>;
  cancelled_at: Timestamp | null;
  refunded_minor: Generated<number>;
  points_earned: Generated<number>;
  points_reversed: Generated<number>;
  points_forgiven: Generated<number>;
  metadata: Json<Record<string, string>>;
  ip_hash: string | null;
  device_hash: string | null;
  shipping_address_hash: string | null;
  cashback_minor: Generated<number>;
  cashback_reversed_minor: Generated<number>;
  cashback_forgiven_minor: Generated<number>;
  created_at: Timestamp;
}

export interface RefundsTable {
  id: string;
  program_id: string;
  customer_id: string;
  order_id: string;
  external_id: string;
  amount_minor: number;
  line_items: Json<unknown> | null;
  points_reversed: number;
  points_forgiven: number;
  created_at: Timestamp;
}

export interface EarningRulesTable {
  id: string;
  program_id: string;
  name: string;
  type: 'points_per_unit' | 'fixed_per_order' | 'multiplier' | 'action';
  active: Generated<boolean>;
  definition: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventsTable {
  id: string;
  program_id: string;
  customer_id: string;
  type: string;
  idempotency_key: string;
  properties: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  points_awarded: Generated<number>;
  created_at: Timestamp;
}

export interface TransfersTable {
  id: string;
  program_id: string;
  customer_id: string;
  code: string;
  idempotency_key: string;
  reference_type: string;
  reference_id: string;
  rule_id: string | null;
  reverses_transfer_id: string | null;
  explanation: Json<Record<string, unknown>>;
  actor: string | null;
  occurred_at: Timestamp;
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  transfer_id: string;
  program_id: string;
  customer_id: string;
  account: string;
  amount: number;
}

export interface PointHoldsTable {
  transfer_id: string;
  program_id: string;
  customer_id: string;
  order_id: string | null;
  points_remaining: number;
  available_at: Timestamp;
  released_transfer_id: string | null;
  account: Generated<'customer:pending' | 'customer:store_credit_pending'>;
}

export interface IdempotencyKeysTable {
  program_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: DefaultedTimestamp;
}

export interface RewardsTable {
  id: string;
  program_id: string;
  name: string;
  type: 'percent_off' | 'amount_off' | 'free_shipping' | 'free_product' | 'custom' | 'store_credit' | 'charity_donation';
  status: Generated<'active' | 'archived'>;
  definition: Json<Record<string, unknown>>;
  issued_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RedemptionsTable {
  id: string;
  program_id: string;
  customer_id: string;
  reward_id: string;
  status: 'reserved' | 'used' | 'voided' | 'expired';
  points: number;
  code: string | null;
  discount: Json<Record<string, unknown>>;
  expires_at: Timestamp | null;
  order_id: string | null;
  used_at: Timestamp | null;
  voided_at: Timestamp | null;
  void_reason: string | null;
  expired_at: Timestamp | null;
  store_id: string | null;
  created_at: Timestamp;
}

export interface PointLotsTable {
  transfer_id: string;
  program_id: string;
  customer_id: string;
  order_id: string | null;
  points: number;
  points_remaining: number;
  earned_at: Timestamp;
  available_at: Timestamp;
  store_id: string | null;
}

export interface LotTakesTable {
  customer_id: string;
  transfer_id: string;
  lot_transfer_id: string;
  points: number;
}

export interface Database {
  programs: ProgramsTable;
  api_keys: ApiKeysTable;
  stores: StoresTable;
  customers: CustomersTable;
  orders: OrdersTable;
  refunds: RefundsTable;
  earning_rules: EarningRulesTable;
  events: EventsTable;
  transfers: TransfersTable;
  ledger_entries: LedgerEntriesTable;
  point_holds: PointHoldsTable;
  idempotency_keys: IdempotencyKeysTable;
  rewards: RewardsTable;
  redemptions: RedemptionsTable;
  point_lots: PointLotsTable;
  lot_takes: LotTakesTable;
  program_events: ProgramEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  segments: SegmentsTable;
  gifts: GiftsTable;
  email_campaigns: EmailCampaignsTable;
  survey_responses: SurveyResponsesTable;
  experiments: ExperimentsTable;
  experiment_members: ExperimentMembersTable;
  gift_recipients: GiftRecipientsTable;
  acquisition_costs: AcquisitionCostsTable;
  profile_questions: ProfileQuestionsTable;
  profile_answers: ProfileAnswersTable;
  charity_causes: CharityCausesTable;
  donations: DonationsTable;
  tiers: TiersTable;
  tier_changes: TierChangesTable;
  tier_entry_rewards: TierEntryRewardsTable;
  tier_recalculations: TierRecalculationsTable;
  referrals: ReferralsTable;
  stamp_cards: StampCardsTable;
  stamp_progress: StampProgressTable;
  stamps: StampsTable;
  challenges: ChallengesTable;
  challenge_progress: ChallengeProgressTable;
  challenge_steps: ChallengeStepsTable;
  membership_plans: MembershipPlansTable;
  memberships: MembershipsTable;
  membership_period_rewards: MembershipPeriodRewardsTable;
  connections: ConnectionsTable;
  store_deliveries: StoreDeliveriesTable;
  store_orders: StoreOrdersTable;
  store_refunds: StoreRefundsTable;
  store_customers: StoreCustomersTable;
  referral_visits: ReferralVisitsTable;
  privacy_requests: PrivacyRequestsTable;
  audit_log: AuditLogTable;
  admin_users: AdminUsersTable;
  order_imports: OrderImportsTable;
  product_pairs: ProductPairsTable;
  product_best_sellers: ProductBestSellersTable;
  product_pair_refreshes: ProductPairRefreshesTable;
  email_flow_settings: EmailFlowSettingsTable;
  email_templates: EmailTemplatesTable;
  email_messages: EmailMessagesTable;
  email_suppressions: EmailSuppressionsTable;
  product_settings: ProductSettingsTable;
  email_unsubscribes: EmailUnsubscribesTable;
  email_clicks: EmailClicksTable;
  program_users: ProgramUsersTable;
  admin_sessions: AdminSessionsTable;
  setup_links: SetupLinksTable;
}
