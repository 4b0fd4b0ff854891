import { sql } from 'kysely';
import type { LineItem } from '../platform/db/schema.ts';
import type { Tx } from '../platform/db/database.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { punch, stampsFor } from '../stamp-cards/stamp-card.ts';
import { activeStampCards } from '../stamp-cards/stamp-card-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

/**
 * An order stamps the program's cards (once per order and card); each card it fills issues the
 * card's reward and a new card starts. In the order's transaction; the customer is locked.
 */
export async function collectStamps(tx: Tx, program: ProgramContext, customerId: string, order: { id: string; subtotal: number; discount: number; line_items: LineItem[] }, now: Date): Promise<void> {
  for (const card of await activeStampCards(tx, program.id)) {
    const added = stampsFor(card, order);
    if (added === 0) continue;
    const recorded = await tx
      .insertInto('stamps')
      .values({ customer_id: customerId, card_id: card.id, source: `order:${order.id}`, stamps: added, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('stamps')
      .executeTakeFirst();
    if (!recorded) continue;
    const current = await tx.selectFrom('stamp_progress').select('stamps').where('customer_id', '=', customerId).where('card_id', '=', card.id).forUpdate().executeTakeFirst();
    const { stamps, completed } = punch(current?.stamps ?? 0, added, card.stamps_required);
    await tx
      .insertInto('stamp_progress')
      .values({ customer_id: customerId, card_id: card.id, stamps, cards_completed: completed, updated_at: now })
      .onConflict((oc) => oc.columns(['customer_id', 'card_id']).doUpdateSet({ stamps, cards_completed: sql`stamp_progress.cards_completed + ${completed}`, updated_at: now }))
      .execute();
    for (let n = 0; n < completed; n++) {
      const redemption = await issueFreeReward(tx, program, customerId, card.reward_id, now);
      await emitEvent(tx, { programId: program.id, customerId, type: 'stamp_card.completed', dedupeKey: `stamp_card.completed:${card.id}:${order.id}:${n}`, data: { card_id: card.id, card_name: card.name, order_id: order.id, redemption_id: redemption?.id ?? null } }, now);
    }
  }
}

/** A cancelled order's stamps come off the card in progress (never below zero; a reward already given stays). */
export async function returnStamps(tx: Tx, customerId: string, orderId: string, now: Date): Promise<void> {
  const given = await tx.selectFrom('stamps').select(['card_id', 'stamps']).where('customer_id', '=', customerId).where('source', '=', `order:${orderId}`).execute();
  for (const g of given) {
    const taken = await tx
      .insertInto('stamps')
      .values({ customer_id: customerId, card_id: g.card_id, source: `cancel:${orderId}`, stamps: -g.stamps, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('stamps')
      .executeTakeFirst();
    if (!taken) continue;
    await tx.updateTable('stamp_progress').set({ stamps: sql`greatest(stamps - ${g.stamps}, 0)`, updated_at: now }).where('customer_id', '=', customerId).where('card_id', '=', g.card_id).execute();
  }
}
