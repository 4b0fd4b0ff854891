import { dedicatedClient, type Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { minorPerUnit } from '../platform/money.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { createReward, listRewards } from '../rewards/reward-store.ts';
import { createTier, listTiers } from '../tiers/tier-store.ts';
import { importWithAwards } from './imports/award-import.ts';
import { importHistory } from './imports/history-import.ts';
import type { ImportedOrder } from './imports/order-rows.ts';
import { redeemReward } from './reward-redeemed.ts';
import { settleRedemption } from './redemption-settled.ts';
import { syntheticOrders } from '../analytics/synthetic-store.ts';

type Size = { customers: number; orders: number };

/** Two years of a synthetic store's orders up to `now`, as an import reads them. Deterministic. */
function demoOrders(program: ProgramContext, size: Size, now: Date): ImportedOrder[] {
  const days = 730;
  const orders: ImportedOrder[] = [];
  let line = 1;
  for (const o of syntheticOrders({ customers: size.customers, ordersPerCustomer: size.orders / size.customers, start: new Date(now.getTime() - days * 86_400_000), days })) {
    line += 1;
    orders.push({ line, external_id: `demo-${o.order_id}`, customer_external_id: `demo-${o.customer_id}`, email: o.email, placed_at: `${o.date}T12:00:00Z`, currency: program.storeCurrency, subtotal: o.amount, total: o.amount, shipping: 0, tax: 0, discount: 0, line_items: o.line_items });
  }
  return orders;
}

async function bulkImport(db: Db, url: string, program: ProgramContext, orders: ImportedOrder[], now: Date) {
  const client = dedicatedClient(url);
  await client.connect();
  try {
    return await importHistory(db, client, program, orders, now);
  } finally {
    await client.end();
  }
}

/**
 * Fills a program with a realistic synthetic store (two years of orders up to `now`), loaded
 * like an imported history: orders and customers, no points. Deterministic: the same sizes give
 * the same store.
 */
export function loadDemoStore(db: Db, url: string, program: ProgramContext, size: Size, now: Date): Promise<{ orders: number; customers: number }> {
  return bulkImport(db, url, program, demoOrders(program, size, now), now);
}

/** How long the demo program has been running: orders before it are history, after it earned points. */
const PROGRAM_DAYS = 180;

/**
 * The demo store with a loyalty program that has run for its last six months, what `npm start --
 * --demo` shows: the older orders as imported history, the recent ones placed through the live
 * workflow under the program's rules (points dated when each order was placed), three starter
 * rewards, two VIP tiers, and shoppers who redeemed some of their points along the way.
 */
export async function loadLivedInDemo(deps: Deps, url: string, program: ProgramContext, size: Size, now: Date): Promise<{ orders: number; customers: number; redemptions: number }> {
  const orders = demoOrders(program, size, now);
  const launch = new Date(now.getTime() - PROGRAM_DAYS * 86_400_000).toISOString();
  const history = orders.filter((o) => o.placed_at < launch);
  const live = orders.filter((o) => o.placed_at >= launch);
  const imported = await bulkImport(deps.db, url, program, history, now);
  // What 1,000 points cost the store, so the liability shows: half a cent a point, a common price.
  await deps.db.updateTable('programs').set({ point_cost_per_1000: 5 * minorPerUnit(program.currency) }).where('id', '=', program.id).where('point_cost_per_1000', '=', 0).execute();
  const rewards = await starterRewards(deps.db, program, now);
  await demoTiers(deps.db, program, now);
  await importWithAwards(deps, program, live, () => {});
  const redemptions = await redeemSome(deps, program, rewards, live);
  return { orders: orders.length, customers: imported.customers, redemptions };
}

async function starterRewards(db: Db, program: ProgramContext, now: Date): Promise<{ id: string; cost: number }[]> {
  const existing = await listRewards(db, program.id, { limit: 100 });
  if (existing.length > 0) return [];
  const unit = minorPerUnit(program.currency);
  const made = [
    await createReward(db, program.id, { name: 'Free shipping', type: 'free_shipping', definition: { points_cost: 300 } }, now),
    await createReward(db, program.id, { name: `5 ${program.currency} off`, type: 'amount_off', definition: { amount: 5 * unit, points_cost: 500 } }, now),
    await createReward(db, program.id, { name: '10% off', type: 'percent_off', definition: { percent: 10, points_cost: 1000 } }, now),
  ];
  return made.map((r) => ({ id: r.id, cost: r.points_cost! }));
}

/** Two VIP tiers on points earned, so the best customers of the last six months hold one. */
async function demoTiers(db: Db, program: ProgramContext, now: Date): Promise<void> {
  if ((await listTiers(db, program.id)).length > 0) return;
  const tier = (name: string, threshold: number, multiplier: number, perks: string[]) => ({ name, threshold, retain_threshold: null, multiplier_hundredths: multiplier * 100, entry_reward_id: null, birthday_points: 0, perks, cashback_bps: null });
  await createTier(db, program.id, tier('Silver', 300, 1.25, ['1.25× points on every order']), now);
  await createTier(db, program.id, tier('Gold', 1000, 1.5, ['1.5× points on every order', 'Free shipping on every order']), now);
}

/**
 * About half the shoppers who could afford a reward took one, a day after the order that got
 * them there, the dearest they could afford, and most used the code: what makes redemption
 * figures and top rewards real.
 */
async function redeemSome(deps: Deps, program: ProgramContext, rewards: { id: string; cost: number }[], live: ImportedOrder[]): Promise<number> {
  if (rewards.length === 0) return 0;
  const lastOrder = new Map<string, string>();
  for (const o of live) lastOrder.set(o.customer_external_id!, o.placed_at);
  const candidates = await deps.db
    .selectFrom('customers')
    .select(['id', 'external_id', 'points_available'])
    .where('program_id', '=', program.id)
    .where('points_available', '>=', Math.min(...rewards.map((r) => r.cost)))
    .orderBy('id')
    .execute();
  let redeemed = 0;
  for (const [i, customer] of candidates.entries()) {
    const placed = lastOrder.get(customer.external_id ?? '');
    if (i % 2 === 1 || !placed) continue;
    const reward = rewards.filter((r) => r.cost <= customer.points_available).sort((a, b) => b.cost - a.cost)[0]!;
    const at = new Date(new Date(placed).getTime() + 86_400_000);
    const redemption = await redeemReward({ ...deps, clock: { now: () => at } }, program, customer.id, { reward_id: reward.id });
    // Most codes are used at checkout within the week; some are forgotten.
    if (i % 5 !== 4) {
      const used = new Date(at.getTime() + (1 + (i % 6)) * 86_400_000);
      await settleRedemption({ ...deps, clock: { now: () => used } }, program, redemption.id, { kind: 'use', orderId: null });
    }
    redeemed += 1;
  }
  return redeemed;
}
