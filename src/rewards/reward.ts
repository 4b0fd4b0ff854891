import { conflict, invalidRequest } from '../platform/errors.ts';
import { minorPerUnit, mulDivFloor } from '../platform/money.ts';

/**
 * A reward of the catalog: what a code is worth at checkout (or, for `custom`, what the store
 * fulfils), what it costs in points, and who may redeem it when.
 */
export type RewardType = 'percent_off' | 'amount_off' | 'free_shipping' | 'free_product' | 'custom' | 'store_credit' | 'charity_donation';

/** Rewards settled the moment they are redeemed: nothing to use at checkout. */
export const SETTLED_AT_ONCE: ReadonlySet<RewardType> = new Set(['store_credit', 'charity_donation']);
/** Rewards that issue a discount code. */
export const WITH_CODE: ReadonlySet<RewardType> = new Set(['percent_off', 'amount_off', 'free_shipping', 'free_product']);
const PAY_WITH_POINTS: ReadonlySet<RewardType> = new Set(['amount_off', 'store_credit', 'charity_donation']);

export interface RewardDefinition {
  description?: string;
  /** percent_off: whole percent off the order subtotal. */
  percent?: number;
  /** With a fixed cost: money off (amount_off), credited (store_credit) or donated (charity_donation), in minor units. */
  amount?: number;
  /** charity_donation: the cause the donation goes to. */
  cause_id?: string;
  /** free_shipping: the most shipping the code covers, in minor units; none means all of it. */
  shipping_cap?: number;
  /** free_product: the product (and variant) given. */
  product_id?: string;
  variant_id?: string;
  /** Fixed cost in points. */
  points_cost?: number;
  /** Pay with points (amount_off, store_credit, charity_donation): `points_per_unit` points buy `unit_amount` minor units. */
  points_per_unit?: number;
  unit_amount?: number;
  min_points?: number;
  max_points?: number;
  /** The order subtotal a code needs, in minor units. */
  min_subtotal?: number;
  once_per_customer?: boolean;
  /** How many codes can be issued in all (voided ones come back). */
  stock?: number;
  starts_at?: string;
  ends_at?: string;
  /** Only customers with one of these tags may redeem. */
  customer_tags?: string[];
  /** Only customers in this tier or a higher one may redeem. */
  min_tier_id?: string;
  /** Only active members of this paid membership plan may redeem. */
  membership_plan_id?: string;
  /** Only customers in this segment may redeem. */
  segment_id?: string;
  /** Days a code stays valid; none means it does not expire. */
  code_validity_days?: number;
  metadata?: Record<string, string>;
}

export interface Reward extends RewardDefinition {
  id: string;
  name: string;
  type: RewardType;
  status: 'active' | 'archived';
  issued_count: number;
}

/** What a code is worth, fixed when it is issued. Money in minor units of `currency`. */
export interface Discount {
  type: RewardType;
  currency: string;
  percent?: number;
  amount?: number;
  shipping_cap?: number;
  product_id?: string;
  variant_id?: string;
  min_subtotal?: number;
  cause_id?: string;
}

/** Checks what JSON Schema cannot: which fields each type needs, and one way to pay. */
export function validateReward(type: RewardType, d: RewardDefinition): void {
  const need = (field: keyof RewardDefinition) => {
    if (d[field] === undefined) throw invalidRequest('parameter_missing', `${field} is required for ${type} rewards.`, field);
  };
  const forbid = (fields: (keyof RewardDefinition)[], why = `does not apply to ${type} rewards`) => {
    const present = fields.find((f) => d[f] !== undefined);
    if (present) throw invalidRequest('parameter_unknown', `${present} ${why}.`, present);
  };
  const valueFields: (keyof RewardDefinition)[] = ['percent', 'amount', 'shipping_cap', 'product_id', 'variant_id', 'cause_id'];
  const own: Record<RewardType, (keyof RewardDefinition)[]> = {
    percent_off: ['percent'],
    amount_off: ['amount'],
    free_shipping: ['shipping_cap'],
    free_product: ['product_id', 'variant_id'],
    custom: [],
    store_credit: ['amount'],
    charity_donation: ['amount', 'cause_id'],
  };
  forbid(valueFields.filter((f) => !own[type].includes(f)));
  if (type === 'percent_off') need('percent');
  if (type === 'free_product') need('product_id');
  if (type === 'charity_donation') need('cause_id');
  if (SETTLED_AT_ONCE.has(type)) forbid(['min_subtotal', 'code_validity_days'], 'applies to rewards with a discount code');
  const variable = d.points_per_unit !== undefined;
  if (variable === (d.points_cost !== undefined)) {
    throw invalidRequest('parameter_missing', 'Give either points_cost (a fixed cost) or points_per_unit (pay with points).', 'points_cost');
  }
  if (variable) {
    if (!PAY_WITH_POINTS.has(type)) {
      throw invalidRequest('parameter_unknown', 'points_per_unit (pay with points) applies to amount_off, store_credit and charity_donation rewards.', 'points_per_unit');
    }
    forbid(['amount'], 'is computed from the points spent when paying with points');
    if (d.min_points !== undefined && d.max_points !== undefined && d.min_points > d.max_points) {
      throw invalidRequest('parameter_invalid', 'min_points must not exceed max_points.', 'min_points');
    }
  } else {
    forbid(['unit_amount', 'min_points', 'max_points'], 'applies only when paying with points (points_per_unit)');
    if (type === 'amount_off' || type === 'store_credit') need('amount');
  }
  if (d.starts_at && d.ends_at && Date.parse(d.starts_at) >= Date.parse(d.ends_at)) {
    throw invalidRequest('parameter_invalid', 'ends_at must be after starts_at.', 'ends_at');
  }
}

/** The points a redemption costs and what its code is worth. */
export function priceRedemption(reward: Reward, currency: string, requestedPoints: number | undefined): { points: number; discount: Discount } {
  const base: Discount = {
    type: reward.type,
    currency,
    ...(reward.percent !== undefined ? { percent: reward.percent } : {}),
    ...(reward.shipping_cap !== undefined ? { shipping_cap: reward.shipping_cap } : {}),
    ...(reward.product_id !== undefined ? { product_id: reward.product_id } : {}),
    ...(reward.variant_id !== undefined ? { variant_id: reward.variant_id } : {}),
    ...(reward.min_subtotal !== undefined ? { min_subtotal: reward.min_subtotal } : {}),
    ...(reward.cause_id !== undefined ? { cause_id: reward.cause_id } : {}),
  };
  if (reward.points_cost !== undefined) {
    if (requestedPoints !== undefined && requestedPoints !== reward.points_cost) {
      throw invalidRequest('parameter_invalid', `This reward costs exactly ${reward.points_cost} points.`, 'points');
    }
    return { points: reward.points_cost, discount: { ...base, ...(reward.amount !== undefined ? { amount: reward.amount } : {}) } };
  }
  const step = reward.points_per_unit!;
  if (requestedPoints === undefined) throw invalidRequest('parameter_missing', 'Say how many points to spend on this reward.', 'points');
  const min = reward.min_points ?? step;
  const max = reward.max_points ?? Number.MAX_SAFE_INTEGER;
  if (requestedPoints % step !== 0 || requestedPoints < min || requestedPoints > max) {
    const range = reward.max_points !== undefined ? `from ${min} to ${max}` : `at least ${min}`;
    throw invalidRequest('parameter_invalid', `Spend a multiple of ${step} points, ${range}.`, 'points');
  }
  const unit = reward.unit_amount ?? minorPerUnit(currency);
  return { points: requestedPoints, discount: { ...base, amount: mulDivFloor(requestedPoints, unit, step) } };
}

export interface RedeemerFacts {
  now: Date;
  customerTags: string[];
  /** Codes of this reward the customer holds or used (not voided or expired). */
  alreadyRedeemed: number;
  /** For tier-only rewards: the customer's tier rank and the rank required. */
  tierRank?: { customer: number; required: number; requiredName: string };
  /** Plans the customer is an active member of. */
  planIds?: string[];
  /** For segment-only rewards: whether the customer is in the segment now. */
  inSegment?: boolean;
  /** False for a reward a running experiment tests in a variant the customer is not in. */
  inVariant?: boolean;
}

/** Refuses a redemption the reward's conditions do not allow, saying which one. */
export function assertRedeemable(reward: Reward, who: RedeemerFacts): void {
  if (reward.status !== 'active') throw conflict('reward_archived', 'This reward is archived and can no longer be redeemed.');
  const at = who.now.getTime();
  if ((reward.starts_at && at < Date.parse(reward.starts_at)) || (reward.ends_at && at >= Date.parse(reward.ends_at))) {
    throw conflict('reward_not_available', 'This reward cannot be redeemed at this time.');
  }
  if (reward.customer_tags?.length && !reward.customer_tags.some((t) => who.customerTags.includes(t))) {
    throw conflict('reward_not_eligible', `This reward is for customers tagged ${reward.customer_tags.join(' or ')}.`);
  }
  if (who.tierRank && who.tierRank.customer < who.tierRank.required) {
    throw conflict('reward_not_eligible', `This reward is for ${who.tierRank.requiredName} members and above.`);
  }
  if (reward.membership_plan_id && !who.planIds?.includes(reward.membership_plan_id)) {
    throw conflict('reward_not_eligible', 'This reward is for active members of its membership plan.');
  }
  if (reward.segment_id && !who.inSegment) {
    throw conflict('reward_not_eligible', 'This reward is for customers of a segment this customer is not in.');
  }
  if (who.inVariant === false) {
    throw conflict('reward_not_eligible', 'This reward is tested in an experiment, in a variant this customer is not in.');
  }
  if (reward.once_per_customer && who.alreadyRedeemed > 0) {
    throw conflict('reward_already_redeemed', 'This reward can be redeemed once per customer.');
  }
}
