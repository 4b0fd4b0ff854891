import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { CustomersTable } from '../platform/db/schema.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';

export type CustomerRow = Selectable<CustomersTable>;

/** How a caller names a customer: our id, the store platform's id, or an email. */
export interface CustomerKeys {
  id?: string;
  external_id?: string;
  email?: string;
}

export interface CustomerProfile {
  first_name?: string;
  last_name?: string;
  birthday?: string;
  marketing_consent?: boolean;
  tags?: string[];
  metadata?: Record<string, string>;
}

/**
 * Finds the customer named by `keys`, creating them when new, and locks their row for the
 * transaction. With a profile (the customers API), it also updates the profile and may change
 * the email; without one (orders, events), it only fills in a missing external id or email.
 */
export async function resolveCustomer(
  tx: Tx,
  programId: string,
  keys: CustomerKeys,
  at: Date,
  profile?: CustomerProfile,
): Promise<{ customer: CustomerRow; created: boolean }> {
  if (keys.id) return { customer: await updateExisting(tx, await lockById(tx, programId, keys.id), keys, at, profile), created: false };
  if (!keys.external_id && !keys.email) {
    throw invalidRequest('parameter_missing', 'Name the customer by external_id or email.', 'customer');
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows, created } = await findOrCreate(tx, programId, keys, at);
    if (created) return { customer: profile ? await updateExisting(tx, created, {}, at, profile) : created, created: true };
    const existing = pickMatch(rows, keys, profile !== undefined);
    if (existing) return { customer: await updateExisting(tx, existing, keys, at, profile), created: false };
    // Neither found nor created: a concurrent request is creating this customer; look again.
  }
  throw conflict('concurrent_update', 'The customer was changed concurrently; retry the request.');
}

async function lockById(tx: Tx, programId: string, id: string): Promise<CustomerRow> {
  const row = await tx.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('customer', id);
  return row;
}

/**
 * One statement on the hot path: lock the customers matching the external id or the email, or,
 * when there are none, insert a new one.
 */
async function findOrCreate(tx: Tx, programId: string, keys: CustomerKeys, at: Date) {
  const result = await sql<CustomerRow & { was_created: boolean }>`
    with found as (
      select * from customers
      where program_id = ${programId}
        and (external_id = ${keys.external_id ?? null} or lower(email) = lower(${keys.email ?? null}))
      order by id
      for update
    ), created as (
      insert into customers (id, program_id, external_id, email, created_at, updated_at)
      select ${newId('cus', at.getTime())}, ${programId}, ${keys.external_id ?? null}, ${keys.email ?? null}, ${at}, ${at}
      where not exists (select 1 from found)
      on conflict do nothing
      returning *
    )
    select *, false as was_created from found
    union all
    select *, true as was_created from created`.execute(tx);
  const rows = result.rows.map(({ was_created: _, ...row }) => row as CustomerRow);
  const created = result.rows.find((r) => r.was_created);
  return { rows, created: created ? rows[result.rows.indexOf(created)] : undefined };
}

/** Of the customers matching the keys, the one they name; the external id wins over the email. */
function pickMatch(rows: CustomerRow[], keys: CustomerKeys, strictEmail: boolean): CustomerRow | undefined {
  const byExternal = keys.external_id ? rows.find((r) => r.external_id === keys.external_id) : undefined;
  const byEmail = keys.email ? rows.find((r) => r.email?.toLowerCase() === keys.email!.toLowerCase()) : undefined;
  if (byExternal && byEmail && byExternal.id !== byEmail.id && strictEmail) {
    throw conflict('email_taken', `Another customer (${byEmail.id}) already has the email ${keys.email}.`, 'email');
  }
  if (byExternal) return byExternal;
  if (byEmail?.external_id && keys.external_id) {
    throw conflict(
      'customer_identity_conflict',
      `The email ${keys.email} belongs to customer ${byEmail.id}, whose external_id is "${byEmail.external_id}", not "${keys.external_id}".`,
      'email',
    );
  }
  return byEmail;
}

async function updateExisting(tx: Tx, row: CustomerRow, keys: CustomerKeys, at: Date, profile?: CustomerProfile): Promise<CustomerRow> {
  const changes: Record<string, unknown> = profile ? profileColumns(profile) : {};
  if (keys.external_id && !row.external_id) changes.external_id = keys.external_id;
  if (keys.email && (profile ? keys.email !== row.email : !row.email)) changes.email = keys.email;
  if (Object.keys(changes).length === 0) return row;
  return tx
    .updateTable('customers')
    .set({ ...changes, updated_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function profileColumns(p: CustomerProfile) {
  return {
    ...(p.first_name !== undefined ? { first_name: p.first_name } : {}),
    ...(p.last_name !== undefined ? { last_name: p.last_name } : {}),
    ...(p.birthday !== undefined ? { birthday: p.birthday } : {}),
    ...(p.marketing_consent !== undefined ? { marketing_consent: p.marketing_consent } : {}),
    ...(p.tags !== undefined ? { tags: p.tags } : {}),
    ...(p.metadata !== undefined ? { metadata: JSON.stringify(p.metadata) } : {}),
  };
}

export async function getCustomer(db: Db | Tx, programId: string, id: string): Promise<CustomerRow> {
  const row = await db.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('customer', id);
  return row;
}

export async function listCustomers(
  db: Db,
  programId: string,
  filter: { external_id?: string; email?: string; limit: number; starting_after?: string },
): Promise<CustomerRow[]> {
  let query = db.selectFrom('customers').selectAll().where('program_id', '=', programId);
  if (filter.external_id) query = query.where('external_id', '=', filter.external_id);
  if (filter.email) query = query.where(sql`lower(email)`, '=', filter.email.toLowerCase());
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
