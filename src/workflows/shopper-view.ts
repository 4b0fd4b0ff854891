import { describeChallenges } from '../challenges/challenge-view.ts';
import { findCustomer, resolveCustomer, type CustomerRow } from '../customers/customer-store.ts';
import { describeExpiry } from '../ledger/expiry-view.ts';
import { pendingHoldsOf } from '../ledger/holds.ts';
import { givesBenefits } from '../memberships/membership.ts';
import { membershipsOf, programPlans, toMembership } from '../memberships/membership-store.ts';
import { awardsOfOrder, findOrderByExternalId } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { programExpiryPolicy, type ProgramContext } from '../programs/program-store.ts';
import { listRedemptions } from '../redemptions/redemption-store.ts';
import type { Shopper } from '../storefront/customer-token.ts';
import { activeStampCards, stampProgressOf } from '../stamp-cards/stamp-card-store.ts';
import { describeTier } from '../tiers/tier-view.ts';

/**
 * The customer a customer token names: found by the store's customer id (or the token's email),
 * created on first sight as the store already knows them (no sign-up points: those come when the
 * store reports the sign-up).
 */
export async function shopperCustomer(deps: Deps, program: ProgramContext, shopper: Shopper): Promise<CustomerRow> {
  const keys = { external_id: shopper.externalId, ...(shopper.email ? { email: shopper.email } : {}) };
  const known = await findCustomer(deps.db, program.id, { external_id: shopper.externalId });
  if (known) return known;
  return deps.db.transaction().execute(async (tx) => (await resolveCustomer(tx, program.id, keys, deps.clock.now())).customer);
}

/** Everything `GET /storefront/v1/me` shows a signed-in shopper, read side by side (nothing changes). */
export async function shopperView(deps: Deps, program: ProgramContext, customer: CustomerRow) {
  const now = deps.clock.now();
  // Read on every page with the widget: what the program does not use (or the customer does not have) is not asked for.
  const [activeCards, plans] = await Promise.all([activeStampCards(deps.db, program.id), programPlans(deps.db, program.id)]);
  const [expiry, tier, pending, cards, challenges, memberships, codes] = await Promise.all([
    programExpiryPolicy(deps.db, program.id).then((policy) => describeExpiry(deps.db, customer, policy)),
    describeTier(deps.db, program.id, customer, now),
    customer.points_pending > 0 ? pendingHoldsOf(deps.db, customer.id) : [],
    activeCards.length > 0 ? stampProgressOf(deps.db, program.id, customer.id) : [],
    describeChallenges(deps.db, program.id, customer.id),
    plans.length > 0 ? membershipsOf(deps.db, [customer.id]) : [],
    listRedemptions(deps.db, program.id, { customer_id: customer.id, status: 'reserved', limit: 20 }),
  ]);
  return {
    object: 'shopper' as const,
    customer_id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    points_balance: customer.points_available,
    points_pending: customer.points_pending,
    points_reserved: customer.points_reserved,
    points_earned_lifetime: customer.points_earned_lifetime,
    store_credit: customer.store_credit_minor,
    pending: pending.map((h) => ({ points: h.points, available_at: new Date(h.available_at).toISOString() })),
    points_expiry: expiry,
    ...tier,
    stamp_cards: cards.filter((c) => c.active || c.stamps !== null).map((c) => ({ card_id: c.card_id, name: c.name, stamps: c.stamps ?? 0, stamps_required: c.stamps_required, cards_completed: c.cards_completed ?? 0 })),
    challenges,
    memberships: memberships.map((m) => ({ plan_id: m.plan_id, status: m.status, current_period_end: new Date(m.current_period_end).toISOString(), benefits_active: givesBenefits(toMembership(m), now) })),
    codes: codes.slice(0, 20).map((r) => ({ redemption_id: r.id, reward_id: r.reward_id, code: r.code, points: r.points, expires_at: r.expires_at ? new Date(r.expires_at).toISOString() : null })),
  };
}

/** What one of the shopper's own orders earned, by the store's order id; another customer's order is not found. */
export async function shopperOrder(deps: Deps, program: ProgramContext, customer: CustomerRow, externalId: string) {
  const order = await findOrderByExternalId(deps.db, program.storeId, externalId);
  if (!order || order.customer_id !== customer.id) throw notFound('order', externalId);
  const now = deps.clock.now();
  const held = (await awardsOfOrder(deps.db, customer.id, order.id)).filter((a) => a.available_at && new Date(a.available_at) > now);
  const until = held.map((a) => new Date(a.available_at!).getTime()).sort((a, b) => b - a)[0];
  return {
    object: 'shopper_order' as const,
    order_id: externalId,
    points_earned: order.points_earned - order.points_reversed,
    points_pending: held.reduce((sum, a) => sum + Number(a.points), 0),
    available_at: until === undefined ? null : new Date(until).toISOString(),
  };
}
