import type { Selectable } from 'kysely';
import { postAwards, type PostedAward } from '../earning/award-posting.ts';
import { evaluateAction } from '../earning/action-earning.ts';
import { activeEarningRules, ruleUsage } from '../earning/rule-store.ts';
import { rulesForCustomer } from './rule-segments.ts';
import { resolveCustomer, type CustomerKeys } from '../customers/customer-store.ts';
import type { Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import type { EventsTable } from '../platform/db/schema.ts';
import { newId } from '../platform/ids.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { advanceChallenges } from './challenge-advanced.ts';
import { reevaluateTiers, type TierHolder } from './tier-evaluated.ts';

export type EventRow = Selectable<EventsTable>;

export interface IncomingEvent {
  type: string;
  idempotency_key: string;
  properties: Record<string, unknown>;
  occurred_at: Date;
}

/** The store reports an event of a customer it names (found or created as a guest), in one transaction. */
export async function reportEvent(
  deps: Deps,
  program: ProgramContext,
  keys: CustomerKeys,
  event: IncomingEvent,
): Promise<{ event: EventRow; awards: PostedAward[] | undefined }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { customer } = await resolveCustomer(tx, program.id, keys, now);
    return receiveEvent(tx, program, customer, event, now);
  });
}

/**
 * A customer did something (signed up, wrote a review, a custom event): record it once per
 * idempotency key, award the action rules for its type and re-evaluate the tier, in the caller's
 * transaction, which has locked the customer. A replay returns the first event and awards nothing.
 */
export async function receiveEvent(
  tx: Tx,
  program: ProgramContext,
  customer: TierHolder,
  event: IncomingEvent,
  now: Date,
): Promise<{ event: EventRow; awards: PostedAward[] | undefined }> {
  const target = { programId: program.id, customerId: customer.id };
  const inserted = await tx
    .insertInto('events')
    .values({
      id: newId('evt', now.getTime()),
      program_id: target.programId,
      customer_id: target.customerId,
      type: event.type,
      idempotency_key: event.idempotency_key,
      properties: JSON.stringify(event.properties),
      occurred_at: event.occurred_at,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const first = await tx
      .selectFrom('events')
      .selectAll()
      .where('program_id', '=', target.programId)
      .where('customer_id', '=', target.customerId)
      .where('idempotency_key', '=', event.idempotency_key)
      .executeTakeFirstOrThrow();
    return { event: first, awards: undefined };
  }
  const rules = await activeEarningRules(tx, target.programId);
  const { rules: relevant, segments } = await rulesForCustomer(tx, target.programId, target.customerId, rules.filter((r) => r.type === 'action' && r.event_type === event.type), now);
  const usage = await ruleUsage(tx, target.customerId, relevant, event.occurred_at);
  const awards = customer.in_holdout ? [] : evaluateAction(relevant, event, usage, segments);
  const posted = await postAwards(tx, target, awards, { code: 'earn.action', reference: { type: 'event', id: inserted.id }, occurredAt: event.occurred_at }, now);
  const points = posted.reduce((s, a) => s + a.points, 0);
  if (points > 0) await tx.updateTable('events').set({ points_awarded: points }).where('id', '=', inserted.id).execute();
  await advanceChallenges(tx, program, customer.id, `event:${inserted.id}`, { kind: 'event', type: event.type }, now);
  await reevaluateTiers(tx, program, [customer], now, { reason: 'qualified', type: 'event', ids: new Map([[customer.id, inserted.id]]) });
  return { event: { ...inserted, points_awarded: points }, awards: posted };
}
