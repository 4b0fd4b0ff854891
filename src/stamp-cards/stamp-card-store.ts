import type { Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { StampCardsTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { programCache } from '../platform/program-cache.ts';
import type { StampCard } from './stamp-card.ts';
import { isEmptyChange } from '../platform/changes.ts';

type Row = Selectable<StampCardsTable>;
export interface StoredStampCard extends StampCard {
  created_at: Date;
  updated_at: Date;
}

const toCard = (r: Row): StoredStampCard => ({
  id: r.id,
  name: r.name,
  stamps_required: r.stamps_required,
  per: r.per,
  min_subtotal: r.min_subtotal,
  include_products: r.include_products,
  include_collections: r.include_collections,
  reward_id: r.reward_id,
  active: r.active,
  created_at: new Date(r.created_at),
  updated_at: new Date(r.updated_at),
});

const cards = programCache(2_000, async (db, programId) =>
  (await db.selectFrom('stamp_cards').selectAll().where('program_id', '=', programId).orderBy('id').execute()).map(toCard),
);

/** The program's cards, retired ones too (cached, see programCache). */
export const programStampCards = (db: Db | Tx, programId: string): Promise<StampCard[]> => cards.get(db, programId);

export const activeStampCards = async (db: Db | Tx, programId: string): Promise<StampCard[]> => (await cards.get(db, programId)).filter((c) => c.active);

export type StampCardInput = Omit<StampCard, 'id' | 'active'> & { active?: boolean };

export async function createStampCard(db: Db, programId: string, input: StampCardInput, at: Date) {
  const row = await db.insertInto('stamp_cards').values({ ...input, id: newId('stc', at.getTime()), program_id: programId, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  cards.forget(programId);
  return toCard(row);
}

export async function updateStampCard(db: Db, programId: string, id: string, changes: Partial<StampCardInput>, at: Date) {
  if (isEmptyChange(changes)) return getStampCard(db, programId, id);
  const row = await db.updateTable('stamp_cards').set({ ...changes, updated_at: at }).where('program_id', '=', programId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('stamp card', id);
  cards.forget(programId);
  return toCard(row);
}

export async function getStampCard(db: Db, programId: string, id: string) {
  const row = await db.selectFrom('stamp_cards').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('stamp card', id);
  return toCard(row);
}

export async function listStampCards(db: Db, programId: string) {
  return (await db.selectFrom('stamp_cards').selectAll().where('program_id', '=', programId).orderBy('id').execute()).map(toCard);
}

/** A customer's progress on every card of the program. */
export async function stampProgressOf(db: Db, programId: string, customerId: string) {
  return db
    .selectFrom('stamp_cards as c')
    .leftJoin('stamp_progress as p', (join) => join.onRef('p.card_id', '=', 'c.id').on('p.customer_id', '=', customerId))
    .select(['c.id as card_id', 'c.name', 'c.stamps_required', 'c.active', 'p.stamps', 'p.cards_completed'])
    .where('c.program_id', '=', programId)
    .orderBy('c.id')
    .execute();
}
