import type { Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

/** Kysely's view of the program-type tables: tiers, referrals, stamp cards, challenges, memberships. */
export interface TiersTable {
  id: string;
  program_id: string;
  name: string;
  threshold: number;
  retain_threshold: number | null;
  multiplier_hundredths: Generated<number>;
  entry_reward_id: string | null;
  birthday_points: Generated<number>;
  perks: Generated<string[]>;
  status: Generated<'active' | 'archived'>;
  cashback_bps: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TierChangesTable {
  id: string;
  program_id: string;
  customer_id: string;
  from_tier_id: string | null;
  to_tier_id: string | null;
  reason: 'qualified' | 'period_ended' | 'refund' | 'recalculation' | 'imported';
  cause_type: string | null;
  cause_id: string | null;
  metric_value: number;
  created_at: Timestamp;
}

export interface TierEntryRewardsTable {
  customer_id: string;
  tier_id: string;
  redemption_id: string;
}

export interface TierRecalculationsTable {
  id: string;
  program_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  customers: Generated<number>;
  processed: Generated<number>;
  moved_up: Generated<number>;
  moved_down: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ReferralsTable {
  id: string;
  program_id: string;
  advocate_id: string;
  friend_id: string;
  code: string;
  status: 'pending' | 'flagged' | 'completed' | 'rejected';
  flags: Generated<string[]>;
  ip_hash: string | null;
  device_hash: string | null;
  order_id: string | null;
  completes_at: Timestamp | null;
  friend_redemption_id: string | null;
  advocate_redemption_id: string | null;
  advocate_points: Generated<number>;
  rejected_reason: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  decided_at: Timestamp | null;
}

export interface StampCardsTable {
  id: string;
  program_id: string;
  name: string;
  stamps_required: number;
  per: 'order' | 'item';
  min_subtotal: Generated<number>;
  include_products: Generated<string[]>;
  include_collections: Generated<string[]>;
  reward_id: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StampProgressTable {
  customer_id: string;
  card_id: string;
  stamps: Generated<number>;
  cards_completed: Generated<number>;
  updated_at: Timestamp;
}

export interface StampsTable {
  customer_id: string;
  card_id: string;
  source: string;
  stamps: number;
  created_at: Timestamp;
}

export interface ChallengesTable {
  id: string;
  program_id: string;
  name: string;
  goal: 'orders' | 'event' | 'collections';
  target: number;
  event_type: string | null;
  window_days: number | null;
  reward_id: string | null;
  points: Generated<number>;
  repeatable: Generated<boolean>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChallengeProgressTable {
  customer_id: string;
  challenge_id: string;
  attempt: Generated<number>;
  started_at: Timestamp | null;
  count: Generated<number>;
  seen: Generated<string[]>;
  completions: Generated<number>;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ChallengeStepsTable {
  customer_id: string;
  challenge_id: string;
  source: string;
  created_at: Timestamp;
}

export interface MembershipPlansTable {
  id: string;
  program_id: string;
  name: string;
  price_minor: number;
  interval: 'month' | 'year' | 'fixed';
  term_days: number | null;
  multiplier_hundredths: Generated<number>;
  periodic_reward_id: string | null;
  tier_id: string | null;
  perks: Generated<string[]>;
  join_url: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: string;
  program_id: string;
  customer_id: string;
  plan_id: string;
  external_id: string;
  status: 'active' | 'past_due' | 'cancelled' | 'expired';
  current_period_start: Timestamp;
  current_period_end: Timestamp;
  started_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipPeriodRewardsTable {
  membership_id: string;
  customer_id: string;
  period_start: Timestamp;
  redemption_id: string | null;
}
