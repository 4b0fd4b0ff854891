import { assertNamed, findOrCreateCustomers, pickMatch, updateExisting, type CustomerKeys, type CustomerRow } from '../customers/customer-store.ts';
import { planAwards, settleAwards, type PlannedAward, type PostedAward } from '../earning/award-posting.ts';
import { cashbackDraft, cashbackRate } from '../cashback/cashback.ts';
import { cashbackSettings } from '../cashback/cashback-settings.ts';
import { mulDivFloor } from '../platform/money.ts';
import { donateForOrders, givingSettings } from '../charity/order-giving.ts';
import { evaluatePurchase } from '../earning/purchase-earning.ts';
import { activeEarningRules, ruleUsageFor } from '../earning/rule-store.ts';
import { rulesForCustomer } from './rule-segments.ts';
import { createHolds } from '../ledger/holds.ts';
import { tierProgram } from '../tiers/tier-store.ts';
import { advanceChallenges } from './challenge-advanced.ts';
import { linkFirstOrders } from './friend-referred.ts';
import { memberBenefits, type MemberBenefits } from './member-benefits.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import { collectStamps } from './stamps-collected.ts';
import { reevaluateTiers } from './tier-evaluated.ts';
import { postGroup, type Posting } from '../ledger/ledger-store.ts';
import type { TransferDraft } from '../ledger/transfer.ts';
import { normaliseCode } from '../redemptions/codes.ts';
import { lockReservedByCodes, markSettled } from '../redemptions/redemption-store.ts';
import { settlementDrafts } from '../redemptions/settlement.ts';
import { findOrderByExternalId, insertOrders, type NewOrder, type OrderRow } from '../orders/order-store.ts';
import type { Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest, RegularsError } from '../platform/errors.ts';
import type { GroupOutcome } from '../platform/group-commit.ts';
import type { ProgramContext } from '../programs/program-store.ts';

export interface OrderRequest {
  program: ProgramContext;
  customer: CustomerKeys;
  order: NewOrder;
}

export interface PlacedOrder {
  order: OrderRow;
  /** The awards written now; undefined when this was a replay of an order already recorded. */
  awards: PostedAward[] | undefined;
}

/**
 * Orders arrive (one, or a group gathered by group commit): find or create their customers,
 * evaluate the earning rules, record each order once per store and external id, and write the
 * points and the customers' order statistics, all in one transaction with one statement per
 * step for the whole group. A replay finds the first order and writes nothing. An order whose
 * customer already has an order in the group is answered `retry`, for the next group.
 */
export async function placeOrders(deps: Deps, requests: OrderRequest[]): Promise<GroupOutcome<PlacedOrder>[]> {
  const outcomes: (GroupOutcome<PlacedOrder> | undefined)[] = requests.map(checkRequest);
  const seen = new Set<string>();
  requests.forEach((r, i) => {
    const key = `${r.program.storeId}:${r.order.external_id}`;
    if (!outcomes[i] && seen.has(key)) outcomes[i] = { retry: true };
    seen.add(key);
  });
  const live = requests.map((r, i) => ({ ...r, i })).filter(({ i }) => !outcomes[i]);
  const now = deps.clock.now();
  try {
    const written = await deps.db.transaction().execute((tx) => writeGroup(tx, live, outcomes, now));
    for (const { i, placed } of written) outcomes[i] = { ok: placed };
  } catch (error) {
    if (live.length === 1) outcomes[live[0]!.i] = { error };
    // One order spoiled the group's transaction: write each alone, so only it fails.
    else for (const { i } of live) outcomes[i] = (await placeOrders(deps, [requests[i]!]))[0];
  }
  for (const { i, order, program } of live) {
    if (outcomes[i]) continue;
    const first = await findOrderByExternalId(deps.db, program.storeId, order.external_id);
    outcomes[i] = first ? { ok: { order: first, awards: undefined } } : { retry: true };
  }
  return outcomes.map((o) => o ?? { retry: true });
}

function checkRequest(r: OrderRequest): GroupOutcome<PlacedOrder> | undefined {
  try {
    assertNamed(r.customer);
    if (r.order.currency !== r.program.storeCurrency) {
      throw invalidRequest('currency_mismatch', `This store takes orders in ${r.program.storeCurrency}, not ${r.order.currency}.`, 'currency');
    }
    return undefined;
  } catch (error) {
    return { error };
  }
}

type Live = OrderRequest & { i: number };

async function writeGroup(tx: Tx, live: Live[], outcomes: (GroupOutcome<PlacedOrder> | undefined)[], now: Date) {
  const customers = await customersOf(tx, live, outcomes, now);
  const evaluated = await evaluateGroup(tx, live.filter((r) => customers.has(r.i)), customers, now);
  const inserted = await insertOrders(
    tx,
    evaluated.map((r) => ({ programId: r.program.id, storeId: r.program.storeId, customerId: r.customer.id, order: r.order, pointsEarned: r.points, cashback: r.cashback.amount })),
    now,
  );
  const byExternalId = new Map(inserted.map((o) => [`${o.store_id}:${o.external_id}`, o]));
  const fresh = evaluated.flatMap((r) => {
    const row = byExternalId.get(`${r.program.storeId}:${r.order.external_id}`);
    if (!row) return [];
    const planned = planAwards(r.awards, { code: 'earn.purchase', reference: { type: 'order', id: row.id }, occurredAt: r.order.placed_at, storeId: row.store_id }, now);
    const paid = Math.max(0, r.order.subtotal - r.order.discount);
    const cashback = cashbackDraft({ id: row.id, external_id: row.external_id, currency: row.currency, paid, placed_at: r.order.placed_at }, r.cashback, now);
    return [{ ...r, row, planned, cashbackPlan: cashback }];
  });
  const settled = await postOrders(tx, fresh, now);
  await giveOnOrders(tx, fresh, now);
  for (const r of fresh) {
    const order = { id: r.row.id, subtotal: r.order.subtotal, discount: r.order.discount, line_items: r.order.line_items };
    await collectStamps(tx, r.program, r.customer.id, order, now);
    const collections = [...new Set(r.order.line_items.flatMap((l) => l.collections ?? []))];
    await advanceChallenges(tx, r.program, r.customer.id, `order:${r.row.id}`, { kind: 'order', collections }, now);
  }
  await linkFirstOrders(tx, fresh.filter((r) => r.customer.orders_count === 0).map((r) => ({ programId: r.program.id, customerId: r.customer.id, order: r.row })));
  for (const program of new Map(fresh.map((r) => [r.program.id, r.program])).values()) {
    const ofProgram = fresh.filter((r) => r.program.id === program.id);
    await reevaluateTiers(tx, program, ofProgram.map((r) => r.customer), now, { reason: 'qualified', type: 'order', ids: new Map(ofProgram.map((r) => [r.customer.id, r.row.id])) });
  }
  return fresh.map((r, n) => ({ i: r.i, placed: { order: r.row, awards: settled[n]!.awards } }));
}

/** Merchant-funded giving: each new order's donation, in its transaction (nothing when the program gives nothing). */
async function giveOnOrders(tx: Tx, fresh: { program: ProgramContext; customer: CustomerRow; order: NewOrder; row: OrderRow }[], now: Date): Promise<void> {
  for (const programId of new Set(fresh.map((r) => r.program.id))) {
    const settings = await givingSettings(tx, programId);
    const orders = fresh.filter((r) => r.program.id === programId).map((r) => ({ programId, customerId: r.customer.id, orderId: r.row.id, chosenCauseId: r.customer.cause_id, paid: Math.max(0, r.order.subtotal - r.order.discount), currency: r.row.currency }));
    await donateForOrders(tx, settings, orders, now);
  }
}

/** The earning rules (with rule limits and the customer's tier multiplier) and the cashback rate of each order. */
async function evaluateGroup(tx: Tx, ready: Live[], customers: Map<number, CustomerRow>, now: Date) {
  const usage = await ruleUsageFor(
    tx,
    await Promise.all(ready.map(async (r) => ({ customerId: customers.get(r.i)!.id, rules: await activeEarningRules(tx, r.program.id), at: r.order.placed_at }))),
  );
  const benefits = new Map<string, MemberBenefits>();
  for (const program of new Set(ready.map((r) => r.program.id))) {
    const of = ready.filter((r) => r.program.id === program).map((r) => customers.get(r.i)!);
    for (const [id, b] of await memberBenefits(tx, program, of, now)) benefits.set(id, b);
  }
  return Promise.all(
    ready.map(async (r, n) => {
      const customer = customers.get(r.i)!;
      const perks = benefits.get(customer.id)!;
      const tier = perks.tierId ? (await tierProgram(tx, r.program.id)).tiers.find((t) => t.id === perks.tierId) : undefined;
      const { rules, segments } = await rulesForCustomer(tx, r.program.id, customer.id, await activeEarningRules(tx, r.program.id), now);
      // The holdout group is kept out of the program: it earns nothing.
      const awards = customer.in_holdout ? [] : evaluatePurchase(rules, { ...r.order, store_id: r.program.storeId }, usage[n]!, perks.bonuses, segments);
      const settings = await cashbackSettings(tx, r.program.id);
      const bps = customer.in_holdout ? 0 : cashbackRate(settings.bps, tier?.cashback_bps);
      const paid = Math.max(0, r.order.subtotal - r.order.discount);
      const cashback = { bps, holdDays: settings.holdDays, label: tier?.cashback_bps != null ? tier.name : 'program rate', amount: mulDivFloor(paid, bps, 10_000) };
      return { ...r, customer, awards, points: awards.reduce((s, a) => s + a.points, 0), cashback };
    }),
  );
}

/**
 * Posts each new order's points and cashback, the codes it used and the customer's order stats,
 * one statement for the group, then records the holds.
 */
async function postOrders(
  tx: Tx,
  fresh: { program: ProgramContext; customer: CustomerRow; order: NewOrder; row: OrderRow; planned: PlannedAward[]; cashbackPlan: ReturnType<typeof cashbackDraft> }[],
  now: Date,
) {
  const codeUses = await useDiscountCodes(tx, fresh.map((r) => ({ program: r.program, order: r.row, customerId: r.customer.id })), now);
  const posted = await postGroup(
    tx,
    fresh.map((r) => ({
      programId: r.program.id,
      customerId: r.customer.id,
      drafts: [...r.planned.map((p) => p.draft), ...(r.cashbackPlan ? [r.cashbackPlan.draft] : []), ...(codeUses.own.get(r.row.id) ?? [])],
      orderStats: { orders: 1, spent: r.order.total, placedAt: r.order.placed_at },
    })),
    now,
  );
  await postGroup(tx, codeUses.others.filter((p) => p.drafts.length > 0), now);
  const settled = fresh.map((r, n) => settleAwards({ programId: r.program.id, customerId: r.customer.id, orderId: r.row.id }, r.planned, posted[n]!, now));
  const cashbackHolds = fresh.flatMap((r, n) => {
    const plan = r.cashbackPlan;
    const transfer = plan?.held ? posted[n]!.find((t) => t.idempotency_key === plan.draft.idempotency_key) : undefined;
    return transfer ? [{ programId: r.program.id, customerId: r.customer.id, orderId: r.row.id, transfer, availableAt: plan!.availableAt }] : [];
  });
  await createHolds(tx, [...settled.flatMap((s) => s.holds), ...cashbackHolds]);
  for (const r of fresh.filter((f) => f.cashbackPlan)) {
    const data = { order_id: r.row.id, amount: r.cashbackPlan!.amount, currency: r.row.currency, available_at: r.cashbackPlan!.availableAt.toISOString() };
    await emitEvent(tx, { programId: r.program.id, customerId: r.customer.id, type: 'cashback.earned', dedupeKey: `cashback.earned:${r.row.id}`, data }, now);
  }
  return settled;
}

/**
 * Marks the reserved codes an order used as used, and returns the transfers that spend their
 * points: those of the order's own customer to post with the order, those of other customers
 * (a code given away) to post after it, one posting per customer.
 */
async function useDiscountCodes(tx: Tx, orders: { program: ProgramContext; order: OrderRow; customerId: string }[], now: Date) {
  const own = new Map<string, TransferDraft[]>();
  const others = new Map<string, Posting>();
  for (const { program, order, customerId } of orders.filter((o) => o.order.discount_codes.length > 0)) {
    const redemptions = await lockReservedByCodes(tx, program.id, order.discount_codes.map(normaliseCode));
    await markSettled(tx, redemptions.map((r) => r.id), { status: 'used', order_id: order.id }, now);
    for (const redemption of redemptions) {
      const drafts = settlementDrafts(redemption, 'use', true, now, `code ${redemption.code} used on order ${order.external_id}`);
      if (redemption.customer_id === customerId) {
        own.set(order.id, [...(own.get(order.id) ?? []), ...drafts]);
      } else {
        const posting = others.get(redemption.customer_id) ?? { programId: program.id, customerId: redemption.customer_id, drafts: [] };
        posting.drafts.push(...drafts);
        others.set(redemption.customer_id, posting);
      }
    }
  }
  return { own, others: [...others.values()] };
}

/**
 * The customer of each order, found or created in one statement and locked. An order whose
 * customer cannot be told apart gets its error; one whose customer is already in the group, or
 * is being created by a concurrent request, is left for the next group.
 */
async function customersOf(tx: Tx, live: Live[], outcomes: (GroupOutcome<PlacedOrder> | undefined)[], now: Date): Promise<Map<number, CustomerRow>> {
  const matches = await findOrCreateCustomers(tx, live.map((r) => ({ programId: r.program.id, keys: r.customer })), now);
  const customers = new Map<number, CustomerRow>();
  const taken = new Set<string>();
  for (const [n, r] of live.entries()) {
    const match = matches[n]!;
    let customer: CustomerRow | undefined;
    try {
      customer = match.created ? match.customer : pickMatch(match.candidates, r.customer, false);
    } catch (error) {
      if (!(error instanceof RegularsError)) throw error;
      outcomes[r.i] = { error };
      continue;
    }
    if (!customer || taken.has(customer.id)) {
      outcomes[r.i] = { retry: true };
      continue;
    }
    taken.add(customer.id);
    customers.set(r.i, match.created ? customer : await updateExisting(tx, customer, r.customer, now));
  }
  return customers;
}
