import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

/** Table of migrations/0020_order_imports.sql: order history uploaded from the dashboard, imported by a job. */
export interface OrderImportsTable {
  id: string;
  program_id: string;
  store_id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  award_points: boolean;
  format: 'plain' | 'shopify';
  file_hash: string;
  file_text: string | null;
  rows: number;
  skipped: number;
  errors: ColumnType<{ line: number; message: string }[], string, string>;
  step: Generated<string>;
  progress: Generated<number>;
  orders_imported: Generated<number>;
  customers_created: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}
