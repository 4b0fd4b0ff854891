import { Type } from 'typebox';
import { Body, optional } from '../../platform/http/body.ts';
import { Metadata, Nullable, Timestamp } from './common.ts';

const AwardOn = Type.Union([Type.Literal('paid'), Type.Literal('created'), Type.Literal('fulfilled'), Type.Literal('processing'), Type.Literal('completed')], {
  description: 'When an order earns. Shopify: `paid` (default), `created`, `fulfilled`. WooCommerce: `processing` (default: paid), `completed`, `created`.',
});

const settings = {
  award_on: AwardOn,
  include_test_orders: Type.Boolean({ description: 'Whether Shopify test orders earn (default false).' }),
  channels: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 50,
    description: 'Sales channels that earn: Shopify `source_name` (`web`, `pos`, `shopify_draft_order`, an app’s name), WooCommerce `created_via` (`checkout`, `admin`, `rest-api`). `["*"]` (default): all.',
  }),
  guests: Type.Union([Type.Literal('by_email'), Type.Literal('ignore')], { description: 'Guest checkouts: `by_email` (default) earns for the customer of that email, created if new; `ignore` earns nothing.' }),
  excluded_customer_tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Customers with any of these store tags earn nothing (staff, wholesale).' }),
  reconcile_every_minutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'With an admin access token: how often orders updated since the last pass are fetched from the store (default 15).' }),
};

export const Connection = Type.Object({
  object: Type.Literal('connection'),
  id: Type.String(),
  platform: Type.Union([Type.Literal('shopify'), Type.Literal('woocommerce')]),
  shop_domain: Nullable(Type.String()),
  site_url: Nullable(Type.String()),
  store_id: Type.String({ description: 'The store (of a coalition) whose orders these are; the program’s default store unless set.' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  disabled_reason: Nullable(Type.String()),
  webhook_url: Type.String({ description: 'Where the platform sends its webhooks.' }),
  has_admin_access_token: Type.Boolean(),
  api_url: Nullable(Type.String()),
  ...settings,
  health: Type.Object({
    last_delivery_at: Nullable(Timestamp),
    last_processed_at: Nullable(Timestamp),
    last_reconciled_at: Nullable(Timestamp),
    failed_deliveries: Type.Integer(),
    last_error: Nullable(Type.String()),
    last_error_at: Nullable(Timestamp),
  }),
  metadata: Metadata,
  created_at: Timestamp,
  updated_at: Timestamp,
});

const secret = Type.String({ minLength: 1, maxLength: 500, description: 'Shopify: the app’s client secret (API secret key). WooCommerce: the webhook’s secret. Stored encrypted; never returned.' });
const token = Type.String({ minLength: 1, maxLength: 500, description: 'Optional: a Shopify Admin API access token, or WooCommerce REST `consumer_key:consumer_secret`, for reconciliation and writing tiers back. Stored encrypted; never returned.' });
const apiUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500, description: 'Where the store’s Admin API answers, when not at the shop or site itself (a proxy).' });

export const ConnectionInput = Body({
    platform: Type.Union([Type.Literal('shopify'), Type.Literal('woocommerce')]),
    shop_domain: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$', description: 'Shopify: the shop’s myshopify.com domain.' })),
    site_url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500, description: 'WooCommerce: the site’s address.' })),
    webhook_secret: secret,
    admin_access_token: Type.Optional(token),
    api_url: Type.Optional(apiUrl),
    store_id: Type.Optional(Type.String({ maxLength: 64 })),
    metadata: Type.Optional(Metadata),
  ...optional(settings),
});

export const ConnectionUpdate = Body({ webhook_secret: Type.Optional(secret), admin_access_token: Type.Optional(Nullable(token)), api_url: Type.Optional(Nullable(apiUrl)), metadata: Type.Optional(Metadata), ...optional(settings) });

export const Delivery = Type.Object({
  object: Type.Literal('delivery'),
  id: Type.String(),
  connection_id: Type.String(),
  topic: Type.String(),
  delivery_id: Nullable(Type.String({ description: 'The platform’s delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID).' })),
  event_id: Nullable(Type.String()),
  subject: Type.String({ description: 'What it is about: order:<id>, customer:<id>, shop.' }),
  status: Type.Union([Type.Literal('received'), Type.Literal('processing'), Type.Literal('processed'), Type.Literal('skipped'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  error: Nullable(Type.String()),
  received_at: Timestamp,
  processed_at: Nullable(Timestamp),
});

export const PrivacyRequest = Type.Object({
  object: Type.Literal('privacy_request'),
  id: Type.String(),
  connection_id: Type.String(),
  kind: Type.Union([Type.Literal('data_request'), Type.Literal('customer_redact'), Type.Literal('shop_redact')]),
  status: Type.Union([Type.Literal('completed'), Type.Literal('no_data')], { description: '`no_data`: Regulars held nothing on that customer.' }),
  customer_id: Nullable(Type.String()),
  external_customer_id: Nullable(Type.String()),
  external_request_id: Nullable(Type.String()),
  export: Type.Unknown({ description: 'data_request: the customer’s data (profile, orders, points history, redemptions) to hand to the customer.' }),
  received_at: Timestamp,
  completed_at: Timestamp,
});
