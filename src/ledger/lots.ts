import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { assertInvariant } from '../platform/errors.ts';
import { Account, type PostedTransfer, type TransferDraft } from './transfer.ts';
import { prepared } from '../platform/db/prepared-statements.ts';

/**
 * Lots: available points by when they were earned. Credits to the available balance open lots
 * (in the posting statement itself); this module handles what leaves or comes back: debits take
 * from lots (named lots, an order's lots first, or oldest first), returned reservations give
 * their takes back, and a credit that pays off a negative balance takes what it paid off.
 * Invariant (checked by verify): a customer's open lots hold max(available, 0) points.
 */
export interface LotPosting {
  customerId: string;
  posted: PostedTransfer[];
  /** Available balance after the posting. */
  availableAfter: number;
}

interface Take {
  transfer: string;
  lot: string;
  points: number;
}

const availableChange = (d: TransferDraft) => d.entries.filter((e) => e.account === Account.available).reduce((s, e) => s + e.amount, 0);

/** Whether a posting needs more than the lots its statement opened. */
export function needsLotWork(posting: LotPosting): boolean {
  const change = posting.posted.reduce((s, d) => s + availableChange(d), 0);
  return posting.availableAfter - change < 0 || posting.posted.some((d) => availableChange(d) < 0 || d.restoresLotsOf);
}

export async function settleLots(tx: Tx, posting: LotPosting): Promise<void> {
  if (!needsLotWork(posting)) return;
  const lots = await openLots(tx, posting.customerId);
  const takes: Take[] = [];
  const take = (transfer: string, points: number, pick: (lot: OpenLot) => boolean) => {
    let left = points;
    for (const lot of lots.filter(pick)) {
      const n = Math.min(lot.remaining, left);
      if (n <= 0) continue;
      lot.remaining -= n;
      left -= n;
      takes.push({ transfer, lot: lot.id, points: n });
      if (left === 0) break;
    }
    return left;
  };
  for (const draft of posting.posted) {
    const change = availableChange(draft);
    if (draft.restoresLotsOf) {
      takes.push(...(await giveBack(tx, posting.customerId, draft.restoresLotsOf, draft.id, lots)));
    } else if (change < 0) {
      const hint = draft.takesFrom;
      if (hint && 'lots' in hint) {
        for (const named of hint.lots) take(draft.id, named.points, (l) => l.id === named.lot);
      } else {
        const rest = hint ? take(draft.id, -change, (l) => l.order_id === hint.preferOrder) : -change;
        take(draft.id, rest, () => true);
      }
    }
  }
  // A credit that paid off a negative balance: the lots it opened hold more than the balance.
  const excess = lots.reduce((s, l) => s + l.remaining, 0) - Math.max(posting.availableAfter, 0);
  const payer = [...posting.posted].reverse().find((d) => availableChange(d) > 0);
  if (excess > 0 && payer) take(payer.id, excess, () => true);
  await writeTakes(tx, posting.customerId, takes);
  const held = lots.reduce((s, l) => s + l.remaining, 0);
  assertInvariant(held === Math.max(posting.availableAfter, 0), `lots of ${posting.customerId} hold ${held}, available is ${posting.availableAfter}`);
}

interface OpenLot {
  id: string;
  order_id: string | null;
  remaining: number;
}

async function openLots(tx: Tx, customerId: string): Promise<OpenLot[]> {
  const rows = await tx
    .selectFrom('point_lots')
    .select(['transfer_id', 'order_id', 'points_remaining'])
    .where('customer_id', '=', customerId)
    .where('points_remaining', '>', 0)
    .orderBy('earned_at')
    .orderBy('transfer_id')
    .forUpdate()
    .modifyEnd(prepared)
    .execute();
  return rows.map((r) => ({ id: r.transfer_id, order_id: r.order_id, remaining: r.points_remaining }));
}

/** The takes of the transfer with idempotency key `source` given back, recorded as negative takes of `transfer`. */
async function giveBack(tx: Tx, customerId: string, source: string, transfer: string, lots: OpenLot[]): Promise<Take[]> {
  const taken = await tx
    .selectFrom('lot_takes as k')
    .innerJoin('transfers as t', (join) => join.onRef('t.id', '=', 'k.transfer_id').onRef('t.customer_id', '=', 'k.customer_id'))
    .select(['k.lot_transfer_id', (eb) => eb.fn.sum<number>('k.points').as('points')])
    .where('k.customer_id', '=', customerId)
    .where('t.idempotency_key', '=', source)
    .groupBy('k.lot_transfer_id')
    .execute();
  const back: Take[] = taken.filter((t) => Number(t.points) > 0).map((t) => ({ transfer, lot: t.lot_transfer_id, points: -Number(t.points) }));
  for (const b of back) {
    const open = lots.find((l) => l.id === b.lot);
    if (open) open.remaining -= b.points;
    else lots.push({ id: b.lot, order_id: null, remaining: -b.points });
  }
  return back;
}

async function writeTakes(tx: Tx, customerId: string, takes: Take[]): Promise<void> {
  if (takes.length === 0) return;
  const merged = new Map<string, Take>();
  for (const t of takes) {
    const key = `${t.transfer}:${t.lot}`;
    const prior = merged.get(key);
    merged.set(key, prior ? { ...t, points: prior.points + t.points } : t);
  }
  const rows = [...merged.values()].filter((t) => t.points !== 0);
  if (rows.length === 0) return;
  // The takes and what they leave in each lot, in one statement.
  await sql`
    with takes as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(transfer text, lot text, points bigint)),
    recorded as (
      insert into lot_takes (customer_id, transfer_id, lot_transfer_id, points) select ${customerId}, transfer, lot, points from takes
    )
    update point_lots l set points_remaining = l.points_remaining - x.points
    from (select lot, sum(points)::bigint as points from takes group by lot) x
    where l.customer_id = ${customerId} and l.transfer_id = x.lot ${prepared}`.execute(tx);
}
