import type { Selectable } from 'kysely';
import type { PrivacyRequestsTable } from '../platform/db/connection-tables.ts';
import type { Db } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';

export type PrivacyRequestRow = Selectable<PrivacyRequestsTable>;

export async function listPrivacyRequests(db: Db, programId: string, filter: { connection_id?: string; limit: number; starting_after?: string }): Promise<PrivacyRequestRow[]> {
  let query = db.selectFrom('privacy_requests').selectAll().where('program_id', '=', programId);
  if (filter.connection_id) query = query.where('connection_id', '=', filter.connection_id);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function getPrivacyRequest(db: Db, programId: string, id: string): Promise<PrivacyRequestRow> {
  const row = await db.selectFrom('privacy_requests').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('privacy request', id);
  return row;
}
