import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

const RowErrors = Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { description: 'Rows left out, by line of the file (the first 1,000).' });

export const OrderImport = Type.Object({
  object: Type.Literal('order_import'),
  id: Type.String({ description: 'Id with the `imp_` prefix.' }),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  award_points: Type.Boolean({ description: 'true: each order earns points under today’s rules; false: history only (analytics, tiers by spend).' }),
  format: Type.Union([Type.Literal('plain'), Type.Literal('shopify')]),
  file_hash: Type.String({ description: 'SHA-256 of the file. Orders already imported are left as they are, so the same file again adds nothing.' }),
  rows: Type.Integer({ description: 'Orders the file holds that can be imported.' }),
  skipped: Type.Integer({ description: 'Rows left out; `errors` says why.' }),
  errors: RowErrors,
  step: Type.String({ description: 'What the job is doing: queued, starting, staging, customers, orders, statistics, awarding, done.' }),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'Percent done.' }),
  orders_imported: Type.Integer({ description: 'Orders added (the ones the program did not have yet).' }),
  customers_created: Nullable(Type.Integer(), { description: 'Customers the history import added; null when awarding points (the order workflow creates them as it goes).' }),
  error: Nullable(Type.String(), { description: 'Why the import failed; it changed nothing.' }),
  created_at: Timestamp,
  finished_at: Nullable(Timestamp),
});

export const CustomerImport = Type.Object({
  object: Type.Literal('customer_import'),
  rows: Type.Integer({ description: 'Customers the file holds that can be imported.' }),
  created: Type.Integer(),
  updated: Type.Integer({ description: 'Customers already there whose profile the file filled in.' }),
  errors: RowErrors,
});
