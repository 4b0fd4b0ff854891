import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../platform/db/database.ts';
import { TEMPLATE_DATABASE, withDatabase } from '../platform/testing/global-setup.ts';
import { refreshDueProgramPairs, refreshProductPairs } from './product-pairs.ts';
import { recommendFor } from './recommend.ts';

/** This file's own database, cloned from the migrated template. */
const serverUrl = inject('serverUrl');
const database = `regulars_test_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${database} template ${TEMPLATE_DATABASE}`);
await admin.end();
const db = connect(withDatabase(serverUrl, database), 5);
afterAll(async () => {
  await db.destroy();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${database} with (force)`);
  await cleanup.end();
});

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

async function newProgram(name: string): Promise<string> {
  const id = `prg_${name}_${randomBytes(3).toString('hex')}`;
  await db.insertInto('programs').values({ id, name, currency: 'USD', slug: id, publishable_key: `pk_${id}`, created_at: now }).execute();
  return id;
}

/** A store's history in the domain's words: who bought which products, when, and whether the order stood. */
function store(programId: string) {
  const customers = new Set<string>();
  const bought = new Map<string, Set<string>>();
  let orders = 0;
  const customerId = (name: string) => `cus_${programId}_${name}`;
  return {
    customerId,
    bought: (name: string) => [...(bought.get(customerId(name)) ?? [])],
    async order(name: string, products: string[], options: { days?: number; cancelled?: boolean } = {}) {
      const id = customerId(name);
      if (!customers.has(id)) {
        await db.insertInto('customers').values({ id, program_id: programId, external_id: name, created_at: now, updated_at: now }).execute();
        customers.add(id);
      }
      if (!options.cancelled) bought.set(id, new Set([...(bought.get(id) ?? []), ...products]));
      orders += 1;
      const lines = products.map((p) => ({ product_id: p, title: `Product ${p}`, url: `https://shop.example/products/${p}`, quantity: 1, unit_price: 1000 }));
      await db
        .insertInto('orders')
        .values({
          id: `ord_${programId}_${orders}`, program_id: programId, store_id: `sto_${programId}`, customer_id: id, external_id: `${orders}`, currency: 'USD',
          subtotal_minor: 1000 * products.length, total_minor: 1000 * products.length, shipping_minor: 0, tax_minor: 0, discount_minor: 0,
          line_items: JSON.stringify(lines), placed_at: daysAgo(options.days ?? 10), status: options.cancelled ? 'cancelled' : 'placed', metadata: '{}', created_at: now,
        })
        .execute();
    },
  };
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/**
 * Twelve shoppers buy A with B, and alice buys A alone. The best seller S is bought with C, D
 * or E by ten shoppers each. Two shoppers buy X with Y (too few to count), gina buys G alone.
 * Orders that do not count: cancelled ones pairing A with E, and year-old ones pairing A with F.
 * 46 shoppers ordered in the window.
 */
async function handMadeStore(programId: string) {
  const s = store(programId);
  for (const c of range('c', 1, 12)) await s.order(c, ['A', 'B'], { days: 5 });
  await s.order('alice', ['A'], { days: 20 });
  for (const [i, other] of ['C', 'D', 'E'].entries()) {
    for (const d of range('d', i * 10 + 1, i * 10 + 10)) {
      await s.order(d, ['S'], { days: 40 });
      await s.order(d, [other], { days: 30 });
    }
  }
  for (const x of ['x1', 'x2']) await s.order(x, ['X', 'Y']);
  await s.order('gina', ['G']);
  for (const k of range('k', 1, 5)) await s.order(k, ['A', 'E'], { cancelled: true });
  for (const f of range('f', 1, 10)) await s.order(f, ['A', 'F'], { days: 400 });
  return s;
}

const pairsOf = (programId: string) =>
  db.selectFrom('product_pairs').select(['product_id', 'other_product_id', 'lift', 'support', 'title', 'url']).where('program_id', '=', programId).orderBy('product_id').orderBy('other_product_id').execute();
const bestSellersOf = (programId: string) =>
  db.selectFrom('product_best_sellers').select(['rank', 'product_id', 'customers', 'units', 'share', 'title', 'url']).where('program_id', '=', programId).orderBy('rank').execute();
const ids = (list: { product_id: string }[]) => list.map((r) => r.product_id);

describe('product recommendations ("bought together")', () => {
  let programId: string;
  let shop: Awaited<ReturnType<typeof handMadeStore>>;
  beforeAll(async () => {
    programId = await newProgram('main');
    shop = await handMadeStore(programId);
    expect(await refreshProductPairs(db, programId, now)).toEqual({ customers: 46, pairs: 8, best_sellers: 9 });
  });

  it('recommends B to a customer who bought only A, as A is bought with B far more than chance', async () => {
    const picks = await recommendFor(db, programId, shop.customerId('alice'), 3, now);
    expect(picks[0]).toEqual({ product_id: 'B', title: 'Product B', url: 'https://shop.example/products/B', score: expect.closeTo(46 / 13, 9), source: 'bought_together' });
    // A has no other partner; the rest are the best sellers she has not bought.
    expect(picks.map((p) => [p.product_id, p.source])).toEqual([['B', 'bought_together'], ['S', 'best_seller'], ['C', 'best_seller']]);
  });

  it('keeps pairs above chance with enough support, from standing orders of the window only', async () => {
    const pairs = await pairsOf(programId);
    expect(pairs.map((p) => `${p.product_id}-${p.other_product_id}`)).toEqual(['A-B', 'B-A', 'C-S', 'D-S', 'E-S', 'S-C', 'S-D', 'S-E']);
    // support × shoppers / (buyers of A × buyers of B) = 12 × 46 / (13 × 12); X with Y (2 shoppers) is too rare.
    expect(pairs[0]).toMatchObject({ support: 12, lift: expect.closeTo(46 / 13, 9), title: 'Product B' });
    expect(pairs.find((p) => p.product_id === 'S')).toMatchObject({ support: 10, lift: expect.closeTo((10 * 46) / (30 * 10), 9) });
  });

  it('never recommends what the customer bought', async () => {
    for (const name of ['c1', 'alice', 'd1', 'd15', 'd30', 'x1', 'gina']) {
      const picks = await recommendFor(db, programId, shop.customerId(name), 10, now);
      expect(picks.length, name).toBeGreaterThan(0);
      expect(ids(picks).filter((p) => shop.bought(name).includes(p)), name).toEqual([]);
    }
    // d1 bought S and C: S's other partners come first, then best sellers.
    expect((await recommendFor(db, programId, shop.customerId('d1'), 3, now)).map((p) => [p.product_id, p.source])).toEqual([['D', 'bought_together'], ['E', 'bought_together'], ['A', 'best_seller']]);
  });

  it('falls back to the best sellers of the last 90 days for a customer with no pairs, or no orders', async () => {
    const gina = await recommendFor(db, programId, shop.customerId('gina'), 4, now);
    expect(gina.map((p) => [p.product_id, p.source])).toEqual([['S', 'best_seller'], ['A', 'best_seller'], ['B', 'best_seller'], ['C', 'best_seller']]);
    expect(gina[0]!.score).toBeCloseTo(30 / 46, 9);
    expect(ids(await recommendFor(db, programId, 'cus_nobody', 3, now))).toEqual(['S', 'A', 'B']);
    // F sold only a year ago, the cancelled orders never: neither is a best seller.
    expect(ids(await bestSellersOf(programId))).toEqual(['S', 'A', 'B', 'C', 'D', 'E', 'X', 'Y', 'G']);
  });

  it('gives the same tables when refreshed twice', async () => {
    const before = [await pairsOf(programId), await bestSellersOf(programId)];
    await refreshProductPairs(db, programId, now);
    expect([await pairsOf(programId), await bestSellersOf(programId)]).toEqual(before);
  });

  it('keeps only the strongest partners of each product', async () => {
    const other = await newProgram('partners');
    await handMadeStore(other);
    await refreshProductPairs(db, other, now, { partners: 1 });
    const pairs = await pairsOf(other);
    expect(pairs.filter((p) => p.product_id === 'S').map((p) => p.other_product_id)).toEqual(['C']);
    expect(new Set(pairs.map((p) => p.product_id)).size).toBe(pairs.length);
  });

  it('keeps tenants apart: another program buying A with C changes nothing here', async () => {
    const before = [await pairsOf(programId), await bestSellersOf(programId), await recommendFor(db, programId, shop.customerId('alice'), 5, now)];
    const rival = await newProgram('rival');
    const theirs = store(rival);
    for (const r of range('r', 1, 40)) await theirs.order(r, ['A', 'C'], { days: 3 });
    for (const r of range('q', 1, 40)) await theirs.order(r, ['Z']);
    await refreshProductPairs(db, rival, now);
    await refreshProductPairs(db, programId, now);
    expect([await pairsOf(programId), await bestSellersOf(programId), await recommendFor(db, programId, shop.customerId('alice'), 5, now)]).toEqual(before);
    expect((await pairsOf(rival)).map((p) => `${p.product_id}-${p.other_product_id}`)).toEqual(['A-C', 'C-A']);
    // One program's customer read through another program's key sees none of their orders.
    expect(ids(await recommendFor(db, programId, theirs.customerId('r1'), 3, now))).toEqual(['S', 'A', 'B']);
  });

  it('refuses a limit out of range', async () => {
    await expect(recommendFor(db, programId, shop.customerId('alice'), 0, now)).rejects.toMatchObject({ code: 'invalid_limit' });
    await expect(recommendFor(db, programId, shop.customerId('alice'), 21, now)).rejects.toMatchObject({ code: 'invalid_limit' });
  });

  it('sweeps the programs that have no pairs yet or pairs older than a day, once', async () => {
    const fresh = await newProgram('fresh');
    await store(fresh).order('p1', ['A', 'B']);
    const later = new Date(now.getTime() + 3_600_000);
    const first = await refreshDueProgramPairs(db, later);
    const refreshed = await db.selectFrom('product_pair_refreshes').select(['program_id', 'refreshed_at']).where('refreshed_at', '=', later).execute();
    expect(refreshed.map((r) => r.program_id)).toContain(fresh);
    expect(refreshed.map((r) => r.program_id)).not.toContain(programId);
    expect(first).toBe(refreshed.length);
    expect(await refreshDueProgramPairs(db, later)).toBe(0);
    const nextDay = new Date(now.getTime() + 86_400_000);
    expect(await refreshDueProgramPairs(db, nextDay)).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('product_pair_refreshes').select('refreshed_at').where('program_id', '=', programId).executeTakeFirstOrThrow()).toEqual({ refreshed_at: nextDay });
  });
});
