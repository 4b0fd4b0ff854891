import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

/** Tables of migrations/0004_store_credit_and_charity.sql and 0033_merchant_giving.sql: causes and the donations to them. */
export interface CharityCausesTable {
  id: string;
  program_id: string;
  name: string;
  description: string | null;
  status: Generated<'active' | 'archived'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DonationsTable {
  id: string;
  program_id: string;
  customer_id: string;
  cause_id: string;
  /** The reward redeemed (source points); null for what the merchant gives on orders. */
  redemption_id: string | null;
  points: number;
  /** Negative for what a refund took back. */
  amount_minor: number;
  currency: string;
  source: ColumnType<'points' | 'order' | 'refund', 'points' | 'order' | 'refund' | undefined, never>;
  order_id: string | null;
  refund_id: string | null;
  created_at: Timestamp;
}
