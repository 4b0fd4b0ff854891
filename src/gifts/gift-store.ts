import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { GiftsTable } from '../platform/db/segment-tables.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { segmentSql } from '../segments/segment-conditions.ts';
import { assertSegmentExists, definitionOf, getSegment } from '../segments/segment-store.ts';

export type GiftRow = Selectable<GiftsTable>;

export interface GiftInput {
  segment_id?: string;
  customer_ids?: string[];
  points?: number;
  reward_id?: string;
  reason: string;
  scheduled_at?: string;
  /** Neither a segment nor a list: every customer (a campaign to everyone with a gift; not offered by the gifts API). */
  everyone?: boolean;
}

/** A gift to a segment (as it is when the gift runs) or to named customers, of points or a reward. */
export async function createGift(db: Db | Tx, programId: string, input: GiftInput, actor: string | null, at: Date): Promise<GiftRow> {
  if (!input.everyone && (input.segment_id === undefined) === (input.customer_ids === undefined)) throw invalidRequest('parameter_invalid', 'Give to a segment_id or to customer_ids, one of the two.', 'segment_id');
  if ((input.points === undefined) === (input.reward_id === undefined)) throw invalidRequest('parameter_invalid', 'Give points or a reward_id, one of the two.', 'points');
  if (input.segment_id) await assertSegmentExists(db, programId, input.segment_id);
  if (input.customer_ids) {
    const ids = [...new Set(input.customer_ids)];
    const found = await db.selectFrom('customers').select('id').where('program_id', '=', programId).where('id', 'in', ids).execute();
    const missing = ids.find((id) => !found.some((f) => f.id === id));
    if (missing) throw invalidRequest('parameter_invalid', `No customer ${missing} in this program.`, 'customer_ids');
  }
  if (input.reward_id) {
    const reward = await db.selectFrom('rewards').select(['id', 'status']).where('program_id', '=', programId).where('id', '=', input.reward_id).executeTakeFirst();
    if (!reward || reward.status !== 'active') throw invalidRequest('parameter_invalid', `No active reward ${input.reward_id} in this program.`, 'reward_id');
  }
  return db
    .insertInto('gifts')
    .values({
      id: newId('gift', at.getTime()),
      program_id: programId,
      segment_id: input.segment_id ?? null,
      customer_ids: input.customer_ids ? [...new Set(input.customer_ids)] : null,
      points: input.points ?? null,
      reward_id: input.reward_id ?? null,
      reason: input.reason,
      scheduled_at: input.scheduled_at ? new Date(input.scheduled_at) : at,
      created_by: actor,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getGift(db: Db | Tx, programId: string, id: string): Promise<GiftRow> {
  const row = await db.selectFrom('gifts').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('gift', id);
  return row;
}

export async function listGifts(db: Db, programId: string, page: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('gifts').selectAll().where('program_id', '=', programId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Cancelling is possible until the gift starts; a cancelled gift gives nothing. */
export async function cancelGift(db: Db | Tx, programId: string, id: string, at: Date): Promise<GiftRow> {
  const gift = await getGift(db, programId, id);
  const cancelled = await db.updateTable('gifts').set({ status: 'cancelled', finished_at: at }).where('id', '=', gift.id).where('status', '=', 'scheduled').returningAll().executeTakeFirst();
  if (!cancelled) throw conflict('gift_not_cancellable', `This gift is ${gift.status}; only a scheduled gift can be cancelled.`);
  return cancelled;
}

/** Moves a gift that has not started to another time (a campaign's gift follows its campaign). */
export async function rescheduleGift(db: Db | Tx, giftId: string, at: Date): Promise<void> {
  await db.updateTable('gifts').set({ scheduled_at: at }).where('id', '=', giftId).where('status', '=', 'scheduled').execute();
}

/** Gifts due now that no instance has finished: scheduled ones whose time has come, and running ones. */
export const dueGifts = (db: Db, now: Date) => db.selectFrom('gifts').selectAll().where('status', 'in', ['scheduled', 'running']).where('scheduled_at', '<=', now).orderBy('scheduled_at').execute();

/**
 * Starts a gift: fixes who receives it (the segment's customers now, or the named ones) in one
 * statement, once; another instance starting it at the same time finds it started.
 */
export async function startGift(db: Db, gift: GiftRow, at: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const claimed = await tx.updateTable('gifts').set({ status: 'running', started_at: at }).where('id', '=', gift.id).where('status', '=', 'scheduled').returning('id').executeTakeFirst();
    if (!claimed) return;
    const who = gift.segment_id ? await segmentSql(db, gift.program_id, definitionOf(await getSegment(tx, gift.program_id, gift.segment_id)), at) : gift.customer_ids ? sql<boolean>`id = any(${gift.customer_ids}::text[])` : sql<boolean>`true`;
    const inserted = await sql<{ n: number }>`
      with r as (
        insert into gift_recipients (gift_id, customer_id)
        select ${gift.id}, id from customers where program_id = ${gift.program_id} and ${who}
        on conflict do nothing returning 1
      ) select count(*)::int as n from r`.execute(tx);
    await tx.updateTable('gifts').set({ recipients: inserted.rows[0]!.n }).where('id', '=', gift.id).execute();
  });
}

/** The next recipients still waiting, locked for this transaction (others skip them). */
export const nextRecipients = (tx: Tx, giftId: string, limit: number) =>
  tx.selectFrom('gift_recipients').select('customer_id').where('gift_id', '=', giftId).where('outcome', 'is', null).orderBy('customer_id').limit(limit).forUpdate().skipLocked().execute();

/** Records what each recipient got and moves the gift's counters; a gift with no one left waiting is done. */
export async function recordGiven(tx: Tx, giftId: string, outcomes: { customerId: string; outcome: 'given' | 'skipped'; detail?: string }[], at: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({ customer_id: o.customerId, outcome: o.outcome, detail: o.detail ?? null }));
  await sql`
    update gift_recipients r set outcome = x.outcome, detail = x.detail, given_at = ${at}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(customer_id text, outcome text, detail text)
    where r.gift_id = ${giftId} and r.customer_id = x.customer_id`.execute(tx);
  const given = outcomes.filter((o) => o.outcome === 'given').length;
  await tx.updateTable('gifts').set({ given: sql`given + ${given}`, skipped: sql`skipped + ${outcomes.length - given}` }).where('id', '=', giftId).execute();
}

export async function finishIfDone(db: Db, giftId: string, at: Date): Promise<boolean> {
  const done = await db
    .updateTable('gifts')
    .set({ status: 'done', finished_at: at })
    .where('id', '=', giftId)
    .where('status', '=', 'running')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('gift_recipients').select('customer_id').where('gift_id', '=', giftId).where('outcome', 'is', null))))
    .returning('id')
    .executeTakeFirst();
  return done !== undefined;
}
