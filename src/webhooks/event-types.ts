/**
 * Every program event type a webhook endpoint can subscribe to (docs/webhooks.md describes each).
 * An endpoint names types, families (`points.*`) or everything (`*`).
 */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'points.earned',
  'points.pending',
  'points.released',
  'points.reversed',
  'points.adjusted',
  'points.expired',
  'points.expiring_soon',
  'redemption.created',
  'redemption.used',
  'redemption.voided',
  'redemption.expired',
  'reward.redeemed',
  'tier.upgraded',
  'tier.downgraded',
  'tier.will_downgrade',
  'referral.created',
  'referral.flagged',
  'referral.completed',
  'cashback.earned',
  'cashback.reversed',
  'store_credit.issued',
  'store_credit.spent',
  'store_credit.returned',
  'stamp_card.completed',
  'challenge.completed',
  'gift.received',
  'survey.answered',
  'profile.answered',
  'profile.completed',
  'membership.active',
  'membership.past_due',
  'membership.cancelled',
  'membership.expired',
  'webhook_endpoint.disabled',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const families = new Set(WEBHOOK_EVENT_TYPES.map((t) => `${t.split('.')[0]}.*`));

/** Whether an endpoint's filter entry names something that exists: a type, a family, or `*`. */
export const isEventFilter = (entry: string): boolean => entry === '*' || families.has(entry) || (WEBHOOK_EVENT_TYPES as readonly string[]).includes(entry);
