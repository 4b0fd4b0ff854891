import { Type } from 'typebox';
import { FLOW_NAMES } from '../../emails/flows.ts';
import { Body } from '../../platform/http/body.ts';
import { LifecycleStageSchema, LocaleSchema, Nullable, RfmSegmentSchema, Timestamp } from './common.ts';

const FlowNameSchema = Type.Union(FLOW_NAMES.map((name) => Type.Literal(name)));
const CategorySchema = Type.Union([Type.Literal('marketing'), Type.Literal('transactional')], { description: 'Marketing mail needs the customer’s marketing_consent, carries one-click unsubscribe and is throttled; transactional mail goes to every address not suppressed.' });

const Segment = RfmSegmentSchema();
const Stage = LifecycleStageSchema();

const Conditions = Type.Object(
  {
    min_balance: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, description: 'Only customers with at least this many points.' })),
    tier_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, description: 'Only customers in these tiers (`none`: in no tier).' })),
    segments: Type.Optional(Type.Array(Segment, { maxItems: 11, description: 'Only customers in these RFM segments (the customer read’s `rfm_segment`).' })),
    stages: Type.Optional(Type.Array(Stage, { maxItems: 6, description: 'Only customers in these lifecycle stages.' })),
  },
  { additionalProperties: false, description: 'Who the flow writes to, beyond consent: every condition must hold when the message goes.' },
);

export const EmailFlow = Type.Object({
  object: Type.Literal('email_flow'),
  flow: FlowNameSchema,
  description: Type.String(),
  enabled: Type.Boolean(),
  category: CategorySchema,
  delay_minutes: Type.Integer({ description: 'After the trigger, for the first step.' }),
  conditions: Conditions,
  reward_id: Nullable(Type.String(), { description: 'An incentive reward named in the email.' }),
  steps: Type.Array(Type.String(), { description: 'The template of each step, in order.' }),
});

export const EmailFlowChange = Body({
  enabled: Type.Optional(Type.Boolean()),
  category: Type.Optional(CategorySchema),
  delay_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
  conditions: Type.Optional(Conditions),
  reward_id: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
});

const statuses = [Type.Literal('queued'), Type.Literal('deferred'), Type.Literal('sent'), Type.Literal('outbox'), Type.Literal('suppressed'), Type.Literal('failed'), Type.Literal('cancelled')];
export const EmailStatusSchema = Type.Union(statuses, {
  description: 'queued: waiting for its time; deferred: held back (frequency cap, quiet hours, a refused send to retry); sent; outbox: rendered but not sent (no SMTP_URL); suppressed: not sent (no consent, no email, a suppressed address); failed; cancelled (the flow was turned off, the series ended).',
});

export const EmailMessage = Type.Object({
  object: Type.Literal('email_message'),
  id: Type.String(),
  customer_id: Type.String(),
  flow: Type.String(),
  template: Type.String(),
  category: CategorySchema,
  status: EmailStatusSchema,
  reason: Nullable(Type.String()),
  to: Nullable(Type.String()),
  locale: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  send_after: Timestamp,
  sent_at: Nullable(Timestamp),
  attempts: Type.Integer(),
  created_at: Timestamp,
});

export const EmailMessageWithBody = Type.Object({ ...EmailMessage.properties, html: Nullable(Type.String()), text: Nullable(Type.String()), smtp_response: Nullable(Type.String()) });

export const emailContentFields = {
  subject: Type.String({ minLength: 1, maxLength: 500 }),
  preheader: Type.String({ maxLength: 500 }),
  heading: Type.String({ minLength: 1, maxLength: 500 }),
  body: Type.String({ minLength: 1, maxLength: 20_000, description: 'Paragraphs separated by a blank line; <strong>, <a> and <br> are kept.' }),
  button: Type.String({ maxLength: 200, description: 'The button’s label (it links to the flow’s page); empty: no button.' }),
};

export const EmailTemplateContent = Body(emailContentFields);

export const EmailTemplate = Type.Object({
  object: Type.Literal('email_template'),
  template: Type.String(),
  locale: LocaleSchema(),
  customized: Type.Boolean({ description: 'Whether the merchant’s own text replaces the default.' }),
  ...emailContentFields,
});

export const EmailPreviewInput = Body({
  locale: Type.Optional(LocaleSchema()),
  customer_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Fill the variables from this customer; without it, sample data.' })),
  content: Type.Optional(Type.Object(emailContentFields, { additionalProperties: false, description: 'A draft to preview instead of the saved template.' })),
});

export const EmailPreview = Type.Object({ object: Type.Literal('email_preview'), subject: Type.String(), html: Type.String(), text: Type.String() });

export const EmailSuppression = Type.Object({ object: Type.Literal('email_suppression'), email: Type.String(), reason: Type.String(), created_at: Timestamp });

const count = (description: string) => Type.Integer({ description });
/** What a flow's (or a campaign's) emails did: sent, held back, not sent, and what followed them. */
export const FlowReport = Type.Object({
  flow: Type.String(),
  queued: count('Messages made in the range still waiting for their time.'),
  sent: count('Accepted by the SMTP server.'),
  outbox: count('Rendered without an SMTP server.'),
  deferred: count('Held back (quiet hours, the cap, a refused send to retry).'),
  suppressed: count('Not sent: no consent, no email, a suppressed address.'),
  failed: count('Rejected by the server, or retries used up.'),
  cancelled: count('The flow turned off, the series ended, conditions no longer met.'),
  unsubscribes: count('Opt-outs in the range after one of its emails (the last marketing email before each).'),
  clicks: count('Clicks on its emails’ links in the range (only with email_link_tracking on).'),
  orders: count('Orders placed in the range within attribution_days after one of its emails.'),
  revenue: Type.Integer({ description: 'Those orders’ totals net of refunds, in minor units of the program currency.' }),
});

export const EmailReport = Type.Object({
  object: Type.Literal('email_report'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  attribution_days: Type.Integer({ description: 'An order this many days or less after an email counts for that email’s flow (the latest email before it).' }),
  flows: Type.Array(FlowReport),
});
