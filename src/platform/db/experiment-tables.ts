import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

type Json<T> = ColumnType<T, string, string>;

export type ExperimentVariant = { name: string; reward_id?: string; earning_rule_id?: string };
export type ExperimentMetric = 'redemption_rate' | 'repeat_rate' | 'revenue_per_customer';

/** migrations/0034_experiments.sql. */
export interface ExperimentsTable {
  id: string;
  program_id: string;
  name: string;
  segment_id: string | null;
  variants: Json<ExperimentVariant[]>;
  split: number[];
  metric: ExperimentMetric;
  days: number;
  status: ColumnType<'running' | 'stopped', 'running' | 'stopped' | undefined, 'running' | 'stopped'>;
  members: Generated<number>;
  created_by: string | null;
  started_at: Timestamp;
  stopped_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ExperimentMembersTable {
  experiment_id: string;
  customer_id: string;
  variant: number;
}
