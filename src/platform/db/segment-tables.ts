import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

/** Tables of migrations/0028_segments_gifts.sql. */
export interface SegmentsTable {
  id: string;
  program_id: string;
  name: string;
  match: 'all' | 'any';
  /** SegmentCondition[] (segments/segment-conditions.ts). */
  conditions: Json<unknown[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type GiftStatus = 'scheduled' | 'running' | 'done' | 'cancelled';

export interface GiftsTable {
  id: string;
  program_id: string;
  segment_id: string | null;
  customer_ids: string[] | null;
  points: number | null;
  reward_id: string | null;
  reason: string;
  status: ColumnType<GiftStatus, GiftStatus | undefined, GiftStatus>;
  scheduled_at: Timestamp;
  recipients: number | null;
  given: Generated<number>;
  skipped: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface GiftRecipientsTable {
  gift_id: string;
  customer_id: string;
  outcome: 'given' | 'skipped' | null;
  detail: string | null;
  given_at: Timestamp | null;
}

/** migrations/0029_acquisition_costs.sql. */
export interface AcquisitionCostsTable {
  program_id: string;
  /** The first day of the month, `YYYY-MM-01`. */
  month: string;
  channel: string;
  amount_minor: number;
  updated_at: Timestamp;
}
