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
    const existing = await lockByKeys(tx, programId, keys, profile !== undefined);
    if (existing) return { customer: await updateExisting(tx, existing, keys, at, profile), created: false };
    const created = await tx
      .insertInto('customers')
      .values({
        id: newId('cus', at.getTime()),
        program_id: programId,
        external_id: keys.external_id ?? null,
        email: keys.email ?? null,
        ...profileColumns(profile ?? {}),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    // Nothing inserted: a concurrent request created this customer; the next pass finds it.
    if (created) return { customer: created, created: true };
  }
  throw conflict('concurrent_update', 'The customer was changed concurrently; retry the request.');
}

async function lockById(tx: Tx, programId: string, id: string): Promise<CustomerRow> {
  const row = await tx.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('customer', id);
  return row;
}

async function lockByKeys(tx: Tx, programId: string, keys: CustomerKeys, strictEmail: boolean): Promise<CustomerRow | undefined> {
  const rows = await tx
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where((eb) =>
      eb.or([
        ...(keys.external_id ? [eb('external_id', '=', keys.external_id)] : []),
        ...(keys.email ? [eb(sql`lower(email)`, '=', keys.email.toLowerCase())] : []),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
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

/** Order statistics move with orders, in the order's transaction. */
export async function recordOrderStats(
  tx: Tx,
  customerId: string,
  change: { orders: number; spent: number; placedAt?: Date },
): Promise<void> {
  await tx
    .updateTable('customers')
    .set({
      orders_count: sql`orders_count + ${change.orders}`,
      total_spent_minor: sql`total_spent_minor + ${change.spent}`,
      ...(change.placedAt
        ? {
            first_order_at: sql`least(first_order_at, ${change.placedAt})`,
            last_order_at: sql`greatest(last_order_at, ${change.placedAt})`,
          }
        : {}),
    })
    .where('id', '=', customerId)
    .execute();
}
