import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../platform/db/connection-tables.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

export type AuditEntry = Selectable<AuditLogTable>;

export interface AuditRecord {
  programId: string;
  /** Who did it: a staff member, an API key, or the store platform (`shopify:<shop>`). */
  actor: string;
  /** What was done, as `subject.verb`: `privacy.customer_redacted`, … */
  action: string;
  /** Who, in words: a user's email. */
  actorName?: string | null;
  subject?: { type: string; id: string };
  details?: Record<string, unknown>;
  /** The object before and after the change, as the API shows it. */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes one line of the program's audit log, in the caller's transaction when given one. */
export async function recordAudit(db: Db | Tx, record: AuditRecord, at: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud', at.getTime()),
      program_id: record.programId,
      actor: record.actor,
      action: record.action,
      subject_type: record.subject?.type ?? null,
      subject_id: record.subject?.id ?? null,
      details: JSON.stringify(record.details ?? {}),
      actor_name: record.actorName ?? null,
      before: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      reason: record.reason ?? null,
      created_at: at,
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  subject_id?: string;
  object_id?: string;
  actor?: string;
}

export async function listAudit(db: Db, programId: string, filter: AuditFilter & { limit: number; starting_after?: string }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('program_id', '=', programId);
  if (filter.action) query = query.where('action', '=', filter.action);
  const subject = filter.object_id ?? filter.subject_id;
  if (subject) query = query.where('subject_id', '=', subject);
  if (filter.actor) query = query.where((eb) => eb.or([eb('actor', '=', filter.actor!), eb('actor_name', '=', filter.actor!)]));
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
