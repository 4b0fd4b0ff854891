import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { CustomersTable } from '../platform/db/schema.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appendEvents } from '../platform/outbox.ts';
import { segmentCondition } from '../analytics/customer-segment.ts';
import { segmentSql } from '../segments/segment-conditions.ts';
import { definitionOf, getSegment } from '../segments/segment-store.ts';
import { DEFAULT_STAGES, stageCase, type LifecycleStage, type RfmSegment } from '../analytics/segments.ts';
import { prepared } from '../platform/db/prepared-statements.ts';

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
  locale?: string | null;
  time_zone?: string | null;
  tags?: string[];
  metadata?: Record<string, string>;
  /** The cause merchant-funded giving goes to for their orders; null: the program's. */
  cause_id?: string | null;
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
  assertNamed(keys);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [match] = await findOrCreateCustomers(tx, [{ programId, keys }], at);
    if (match?.created) return { customer: profile ? await updateExisting(tx, match.customer, {}, at, profile) : match.customer, created: true };
    const existing = match && pickMatch(match.candidates, keys, profile !== undefined);
    if (existing) return { customer: await updateExisting(tx, existing, keys, at, profile), created: false };
    // Neither found nor created: a concurrent request is creating this customer; look again.
  }
  throw conflict('concurrent_update', 'The customer was changed concurrently; retry the request.');
}

export function assertNamed(keys: CustomerKeys): void {
  if (!keys.id && !keys.external_id && !keys.email) {
    throw invalidRequest('parameter_missing', 'Name the customer by external_id or email.', 'customer');
  }
}

async function lockById(tx: Tx, programId: string, id: string): Promise<CustomerRow> {
  const row = await tx.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('customer', id);
  return row;
}

export type CustomerMatch = { created: true; customer: CustomerRow; candidates: CustomerRow[] } | { created: false; candidates: CustomerRow[] };

/**
 * For many key sets at once, in one statement: locks the customers matching each external id or
 * email (in id order, so concurrent groups cannot deadlock on them), and inserts a new customer
 * for each key set that matches none. Returns, per key set, the customer created for it or the
 * locked candidates to choose from (see `pickMatch`).
 */
export async function findOrCreateCustomers(tx: Tx, requests: { programId: string; keys: CustomerKeys }[], at: Date): Promise<CustomerMatch[]> {
  const keys = requests.map((r, i) => ({
    i,
    program_id: r.programId,
    external_id: r.keys.external_id ?? null,
    email: r.keys.email?.toLowerCase() ?? null,
    new_id: newId('cus', at.getTime()),
    event_id: newId('evt', at.getTime()),
    given_email: r.keys.email ?? null,
  }));
  const result = await sql<CustomerRow & { created_for: number | null }>`
    with k as (
      select * from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
        as k(i int, program_id text, external_id text, email text, new_id text, event_id text, given_email text)
    ), found as (
      select * from customers where id = any(array(
        -- One index probe per key (LIMIT keeps the planner from turning these into a scan of all
        -- customers, since it cannot know how few keys there are).
        select x.id from k cross join lateral (
          select c.id from customers c where c.program_id = k.program_id and c.external_id = k.external_id limit 1
        ) x
        union
        select x.id from k cross join lateral (
          select c.id from customers c where c.program_id = k.program_id and lower(c.email) = k.email limit 1
        ) x
      ))
      order by id
      for update
    ), created as (
      insert into customers (id, program_id, external_id, email, in_holdout, event_sequence, created_at, updated_at)
      select k.new_id, k.program_id, k.external_id, k.given_email,
        (select p.holdout_percent from programs p where p.id = k.program_id) > random() * 100, 1, ${at}, ${at} from k
      where not exists (
        select 1 from found f
        where f.program_id = k.program_id and (f.external_id = k.external_id or lower(f.email) = k.email)
      )
      order by k.i
      on conflict do nothing
      returning *
    ), announced as (
      -- The outbox's customer.created (platform/outbox.ts), first in the new customer's sequence,
      -- written by this statement: the hot path of every order from a new customer.
      insert into program_events (id, program_id, customer_id, type, dedupe_key, data, sequence, created_at)
      select k.event_id, c.program_id, c.id, 'customer.created', 'customer.created', '{}'::jsonb, 1, ${at}
      from created c join k on k.new_id = c.id
    )
    select *, null::int as created_for from found
    union all
    select c.*, k.i as created_for from created c join k on k.new_id = c.id ${prepared}`.execute(tx);
  const found = result.rows.filter((r) => r.created_for === null).map(withoutMarker);
  return keys.map((k, i) => {
    const created = result.rows.find((r) => r.created_for === i);
    if (created) return { created: true, customer: withoutMarker(created), candidates: [] };
    const request = requests[i]!;
    return { created: false, candidates: found.filter((c) => c.program_id === request.programId && matches(c, request.keys)) };
  });
}

function withoutMarker({ created_for: _, ...row }: CustomerRow & { created_for: number | null }): CustomerRow {
  return row as CustomerRow;
}

function matches(row: CustomerRow, keys: CustomerKeys): boolean {
  return (keys.external_id !== undefined && row.external_id === keys.external_id) || (keys.email !== undefined && row.email?.toLowerCase() === keys.email.toLowerCase());
}

/** Of the customers matching the keys, the one they name; the external id wins over the email. */
export function pickMatch(rows: CustomerRow[], keys: CustomerKeys, strictEmail: boolean): CustomerRow | undefined {
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

export async function updateExisting(tx: Tx, row: CustomerRow, keys: CustomerKeys, at: Date, profile?: CustomerProfile): Promise<CustomerRow> {
  const changes: Record<string, unknown> = profile ? profileColumns(profile) : {};
  if (keys.external_id && !row.external_id) changes.external_id = keys.external_id;
  if (keys.email && (profile ? keys.email !== row.email : !row.email)) changes.email = keys.email;
  if (Object.keys(changes).length === 0) return row;
  const updated = await tx.updateTable('customers').set({ ...changes, updated_at: at }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  await announceUpdate(tx, updated, Object.keys(changes), at);
  return updated;
}

/** `customer.updated`, naming the fields that changed (the consumer reads the customer for their values). */
function announceUpdate(db: Db | Tx, row: { id: string; program_id: string }, changed: string[], at: Date) {
  return appendEvents(db, [{ programId: row.program_id, customerId: row.id, type: 'customer.updated', dedupeKey: `customer.updated:${at.getTime()}:${changed.join(',')}`, data: { changed } }], at);
}

function profileColumns(p: CustomerProfile) {
  return {
    ...(p.first_name !== undefined ? { first_name: p.first_name } : {}),
    ...(p.last_name !== undefined ? { last_name: p.last_name } : {}),
    ...(p.birthday !== undefined ? { birthday: p.birthday } : {}),
    ...(p.marketing_consent !== undefined ? { marketing_consent: p.marketing_consent } : {}),
    ...(p.locale !== undefined ? { locale: p.locale } : {}),
    ...(p.time_zone !== undefined ? { time_zone: p.time_zone } : {}),
    ...(p.tags !== undefined ? { tags: p.tags } : {}),
    ...(p.metadata !== undefined ? { metadata: JSON.stringify(p.metadata) } : {}),
    ...(p.cause_id !== undefined ? { cause_id: p.cause_id } : {}),
  };
}

export async function getCustomer(db: Db | Tx, programId: string, id: string): Promise<CustomerRow> {
  const row = await db.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', id).modifyEnd(prepared).executeTakeFirst();
  if (!row) throw notFound('customer', id);
  return row;
}

/** What a customer list can be narrowed by: exact keys, a search, a tier (`none`: no tier), a lifecycle stage (as of `asOf`), an RFM segment. */
export interface CustomerFilter {
  external_id?: string;
  email?: string;
  q?: string;
  tier_id?: string;
  stage?: LifecycleStage;
  segment?: RfmSegment;
  segment_id?: string;
}

export async function listCustomers(db: Db, programId: string, filter: CustomerFilter & { limit: number; starting_after?: string }, asOf = new Date()): Promise<CustomerRow[]> {
  let query = db.selectFrom('customers').selectAll().where('program_id', '=', programId);
  if (filter.external_id) query = query.where('external_id', '=', filter.external_id);
  if (filter.email) query = query.where(sql`lower(email)`, '=', filter.email.toLowerCase());
  if (filter.q) {
    // A part of an email, a name, the store's id, or a whole Regulars id.
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const q = filter.q;
    query = query.where((eb) => eb.or([eb('email', 'ilike', like), eb('first_name', 'ilike', like), eb('last_name', 'ilike', like), eb(sql<string>`first_name || ' ' || last_name`, 'ilike', like), eb('external_id', 'ilike', like), eb('id', '=', q)]));
  }
  if (filter.tier_id) query = filter.tier_id === 'none' ? query.where('tier_id', 'is', null) : query.where('tier_id', '=', filter.tier_id);
  if (filter.stage) query = query.where('orders_count', '>', 0).where(stageCase(DEFAULT_STAGES, asOf, { orders: 'orders_count', first: 'first_order_at', last: 'last_order_at' }), '=', filter.stage);
  if (filter.segment) query = query.where(await segmentCondition(db, programId, filter.segment));
  if (filter.segment_id) query = query.where(await segmentSql(db, programId, definitionOf(await getSegment(db, programId, filter.segment_id)), asOf));
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** The customer the keys name, without creating or locking anyone; undefined when none. */
export async function findCustomer(db: Db | Tx, programId: string, keys: CustomerKeys): Promise<CustomerRow | undefined> {
  if (keys.id) return db.selectFrom('customers').selectAll().where('program_id', '=', programId).where('id', '=', keys.id).executeTakeFirst();
  if (!keys.external_id && !keys.email) return undefined;
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where((eb) =>
      eb.or([
        ...(keys.external_id ? [eb('external_id', '=', keys.external_id)] : []),
        ...(keys.email ? [eb(sql`lower(email)`, '=', keys.email.toLowerCase())] : []),
      ]),
    )
    .execute();
  return rows.find((r) => keys.external_id !== undefined && r.external_id === keys.external_id) ?? rows[0];
}

/**
 * Erases customers' personal data (a privacy request): email, names, birthday, tags, metadata and
 * consent. Their ids, balances, orders and ledger stay: the ledger is a financial record.
 */
export async function redactCustomers(db: Db | Tx, programId: string, customerIds: string[], at: Date): Promise<number> {
  if (customerIds.length === 0) return 0;
  const result = await db
    .updateTable('customers')
    .set({ email: null, first_name: null, last_name: null, birthday: null, tags: [], metadata: '{}', marketing_consent: false, redacted_at: at, updated_at: at })
    .where('program_id', '=', programId)
    .where('id', 'in', customerIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The customer's own choice about marketing email (the unsubscribe link, the preferences page). */
export async function setMarketingConsent(db: Db | Tx, customerId: string, consent: boolean, at: Date): Promise<void> {
  const row = await db.updateTable('customers').set({ marketing_consent: consent, updated_at: at }).where('id', '=', customerId).returning(['id', 'program_id']).executeTakeFirst();
  if (row) await announceUpdate(db, row, ['marketing_consent'], at);
}
