import { Type, type TSchema } from 'typebox';
import type { WebhookEventType } from '../../webhooks/event-types.ts';
import { Nullable, Timestamp } from './common.ts';

const Customer = Type.Object({
  customer: Type.Object({
    id: Type.String({ description: 'Our id (`cus_…`).' }),
    store_customer_id: Nullable(Type.String(), { description: 'The store platform’s id of the customer, as a string.' }),
    email: Nullable(Type.String()),
  }),
  sequence: Type.Integer({ description: 'The event’s place in this customer’s events: a consumer keeps the highest seen and ignores lower ones.' }),
});
const Reference = Type.Object({ type: Type.String({ description: '`order`, `refund`, `redemption`, `event`, `adjustment`, …' }), id: Type.String() });
const Transfer = { transfer_id: Type.String(), reason: Type.String({ description: 'The ledger’s explanation, in words.' }), reference: Reference, occurred_at: Timestamp };
const PointsChange = Type.Object({
  ...Transfer,
  points: Type.Integer({ description: 'Change of the available balance.' }),
  pending_points: Type.Integer({ description: 'Change of the pending balance.' }),
  balance: Type.Integer({ description: 'Available points right after.' }),
  pending_balance: Type.Integer({ description: 'Pending points right after.' }),
});
const CreditChange = Type.Object({ ...Transfer, amount_minor: Type.Integer(), store_credit_balance_minor: Type.Integer() });
const Redemption = Type.Object({ redemption_id: Type.String(), reward_id: Type.String() }, { additionalProperties: true });
const TierChange = Type.Object({ from_tier_id: Nullable(Type.String()), from_tier_name: Nullable(Type.String()), to_tier_id: Nullable(Type.String()), to_tier_name: Nullable(Type.String()), reason: Type.String(), metric_value: Type.Number() });
const Referral = Type.Object({ referral_id: Type.String(), friend_id: Type.String() }, { additionalProperties: true });
const Membership = Type.Object({ membership_id: Type.String(), plan_id: Type.String() }, { additionalProperties: true });
const open = (properties: Record<string, TSchema>) => Type.Object(properties, { additionalProperties: true });

/** The `data` of each event type, with the customer's ids merged in (but for the program's own events). */
const data: Record<WebhookEventType, TSchema> = {
  'customer.created': open({}),
  'customer.updated': open({ changed: Type.Array(Type.String(), { description: 'The fields that changed; read the customer for their values.' }) }),
  'points.earned': PointsChange,
  'points.pending': PointsChange,
  'points.released': PointsChange,
  'points.reversed': PointsChange,
  'points.adjusted': PointsChange,
  'points.expired': PointsChange,
  'points.expiring_soon': open({ points: Type.Integer(), expires_at: Timestamp }),
  'redemption.created': Redemption,
  'redemption.used': Redemption,
  'redemption.voided': Redemption,
  'redemption.expired': Redemption,
  'reward.redeemed': Redemption,
  'tier.upgraded': TierChange,
  'tier.downgraded': TierChange,
  'tier.will_downgrade': open({ tier_id: Nullable(Type.String()), downgrade_on: Timestamp }),
  'referral.created': Referral,
  'referral.flagged': Referral,
  'referral.completed': Referral,
  'cashback.earned': open({ order_id: Type.String(), amount: Type.Integer(), currency: Type.String(), available_at: Timestamp }),
  'cashback.reversed': CreditChange,
  'store_credit.issued': CreditChange,
  'store_credit.spent': CreditChange,
  'store_credit.returned': CreditChange,
  'stamp_card.completed': open({ card_id: Type.String(), order_id: Type.String() }),
  'challenge.completed': open({ challenge_id: Type.String(), completion: Type.Integer() }),
  'survey.answered': Type.Object({ response_id: Type.String(), score: Type.Integer({ minimum: 0, maximum: 10 }), category: Type.Union([Type.Literal('promoter'), Type.Literal('passive'), Type.Literal('detractor')]), comment: Nullable(Type.String()), source: Type.Union([Type.Literal('email'), Type.Literal('widget')]), campaign_id: Nullable(Type.String()), changed: Type.Boolean({ description: 'A second answer to the same asking, replacing the first.' }), points_awarded: Type.Integer() }),
  'gift.received': Type.Object({ gift_id: Type.String(), reason: Type.String(), points: Nullable(Type.Integer()), reward_id: Nullable(Type.String()), redemption_id: Nullable(Type.String()) }),
  'profile.answered': Type.Object({
    answers: Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Array(Type.String())])), { description: 'The answers that changed, by question key; null: taken away.' }),
    by: Type.Union([Type.Literal('shopper'), Type.Literal('merchant')]),
  }),
  'profile.completed': Type.Object({ event_id: Type.String({ description: 'The profile_completed event (`evt_…`) that awarded the points.' }), points_awarded: Type.Integer() }),
  'membership.active': Membership,
  'membership.past_due': Membership,
  'membership.cancelled': Membership,
  'membership.expired': Membership,
  'webhook_endpoint.disabled': open({ endpoint_id: Type.String(), url: Type.String(), reason: Type.Union([Type.Literal('gone'), Type.Literal('failing')]) }),
  'webhook.test': open({ endpoint_id: Type.String(), message: Type.String() }),
};

const programLevel = new Set<WebhookEventType>(['webhook_endpoint.disabled', 'webhook.test']);

/** The payload of one event type: `{id, type, timestamp, data}`. */
export const webhookPayload = (type: WebhookEventType): TSchema =>
  Type.Object({
    id: Type.String({ description: 'The event id (`evt_…`), also the `webhook-id` header: the same on every retry and replay.' }),
    type: Type.Literal(type),
    timestamp: Type.String({ format: 'date-time', description: 'When the event happened (the attempt’s time is the `webhook-timestamp` header).' }),
    data: programLevel.has(type) ? data[type] : Type.Intersect([Customer, data[type]]),
  });

/** The OpenAPI 3.1 `webhooks` section: one operation per event type, as the receiver gets it. */
export function webhooksSection() {
  return Object.fromEntries(
    (Object.keys(data) as WebhookEventType[]).map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\./g, '_')}`,
          tags: ['webhooks'],
          summary: `${type}`,
          description: 'Signed as Standard Webhooks: headers `webhook-id`, `webhook-timestamp`, `webhook-signature` (docs/webhooks.md). Answer 2xx within 15 s.',
          requestBody: { required: true, content: { 'application/json': { schema: webhookPayload(type) } } },
          responses: { '200': { description: 'Received; any 2xx will do.' } },
        },
      },
    ]),
  );
}
