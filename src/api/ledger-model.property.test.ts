import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient } from './testing/test-app.ts';
import { expirePoints } from '../workflows/points-expiry.ts';
import { releaseDueHolds } from '../ledger/holds.ts';
import { verifyLedger } from '../ledger/verify.ts';

/**
 * Random sequences of orders, refunds, cancellations, adjustments, events, redemptions (reserved,
 * voided, used by an order) and the passing of time, applied through the API and to a tiny
 * in-memory model. After every step each balance equals the model's; after every run the ledger
 * verifies clean (balances, holds, reservations and lots). With points expiry on, the points that
 * expire while time passes are read back from the server and the model carries on from there.
 */
const t = await createTestApp('2026-01-05T12:00:00Z');
const HOLD_DAYS = 7;
const DAY = 86_400_000;

type Op =
  | { kind: 'order'; customer: number; subtotal: number }
  | { kind: 'refund'; order: number; quarters: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'adjust'; customer: number; points: number }
  | { kind: 'event'; customer: number }
  | { kind: 'wait'; days: number }
  | { kind: 'redeem'; customer: number }
  | { kind: 'void'; redemption: number }
  | { kind: 'spend'; redemption: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('order' as const), customer: fc.nat(2), subtotal: fc.integer({ min: 0, max: 20_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), order: fc.nat(20), quarters: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjust' as const), customer: fc.nat(2), points: fc.integer({ min: -80, max: 80 }).filter((p) => p !== 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('event' as const), customer: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeem' as const), customer: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), redemption: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spend' as const), redemption: fc.nat(20) }) },
);

const REWARD_COST = 20;

interface ModelRedemption {
  id: string;
  code: string;
  customer: number;
  status: 'reserved' | 'voided' | 'used';
}

interface ModelOrder {
  id: string;
  customer: number;
  paid: number;
  earned: number;
  refunded: number;
  settled: number;
  held: number;
  availableAt: number;
  cancelled: boolean;
}

class Model {
  available = [0, 0, 0];
  pending = [0, 0, 0];
  reserved = [0, 0, 0];
  orders: ModelOrder[] = [];
  redemptions: ModelRedemption[] = [];
  readonly allowNegative: boolean;
  constructor(allowNegative: boolean) {
    this.allowNegative = allowNegative;
  }

  order(o: ModelOrder, now: number) {
    this.orders.push({ ...o, held: 5, availableAt: now + HOLD_DAYS * DAY });
    this.available[o.customer]! += Math.floor(o.paid / 100);
    this.pending[o.customer]! += 5;
  }

  takeBack(o: ModelOrder, due: number) {
    const fromHold = Math.min(o.held, due);
    o.held -= fromHold;
    this.pending[o.customer]! -= fromHold;
    const rest = due - fromHold;
    const fromAvailable = this.allowNegative ? rest : Math.min(rest, Math.max(0, this.available[o.customer]!));
    this.available[o.customer]! -= fromAvailable;
    o.settled += due;
  }

  refund(o: ModelOrder, amount: number) {
    o.refunded += amount;
    const target = o.refunded >= o.paid ? o.earned : Math.floor((o.earned * o.refunded) / o.paid);
    this.takeBack(o, target - o.settled);
  }

  release(now: number) {
    for (const o of this.orders) {
      if (o.held > 0 && o.availableAt <= now) {
        this.available[o.customer]! += o.held;
        this.pending[o.customer]! -= o.held;
        o.held = 0;
      }
    }
  }
}

let refunds = 0;

async function apply(api: ApiClient, model: Model, step: Op, tag: string, reward: string, expiry: boolean): Promise<void> {
  const now = t.clock.now().getTime();
  const customer = (n: number) => ({ external_id: `${tag}-c${n}` });
  switch (step.kind) {
    case 'order': {
      const res = await api.post('/v1/orders', { external_id: `${tag}-o${model.orders.length}`, customer: customer(step.customer), currency: 'USD', subtotal: step.subtotal, total: step.subtotal });
      expect(res.status).toBe(201);
      model.order({ id: res.body.id, customer: step.customer, paid: step.subtotal, earned: Math.floor(step.subtotal / 100) + 5, refunded: 0, settled: 0, held: 0, availableAt: 0, cancelled: false }, now);
      return;
    }
    case 'refund': {
      const o = model.orders[step.order % Math.max(1, model.orders.length)];
      if (!o) return;
      const amount = Math.floor(((o.paid - o.refunded) * step.quarters) / 4);
      refunds += 1;
      const res = await api.post(`/v1/orders/${o.id}/refunds`, { external_id: `refund-${refunds}`, amount });
      if (o.cancelled) return void expect(res.status).toBe(409);
      expect(res.status).toBe(201);
      model.refund(o, amount);
      return;
    }
    case 'cancel': {
      const o = model.orders[step.order % Math.max(1, model.orders.length)];
      if (!o) return;
      expect((await api.post(`/v1/orders/${o.id}/cancel`)).status).toBe(200);
      if (!o.cancelled) model.takeBack(o, o.earned - o.settled);
      o.cancelled = true;
      return;
    }
    case 'adjust': {
      const id = (await api.post('/v1/customers', customer(step.customer))).body.id;
      const res = await api.post(`/v1/customers/${id}/adjustments`, { points: step.points, reason: 'model' });
      const refused = step.points < 0 && model.available[step.customer]! + step.points < 0 && !model.allowNegative;
      expect(res.status).toBe(refused ? 422 : 201);
      if (!refused) model.available[step.customer]! += step.points;
      return;
    }
    case 'event': {
      const res = await api.post('/v1/events', { customer: customer(step.customer), type: 'review', idempotency_key: `e${now}-${Math.random()}` });
      expect(res.body.points_awarded).toBe(10);
      model.available[step.customer]! += 10;
      return;
    }
    case 'wait': {
      t.clock.advanceDays(step.days);
      await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId });
      model.release(t.clock.now().getTime());
      if (!expiry) return;
      await expirePoints(t.db, t.clock.now(), { programId: api.programId });
      for (let c = 0; c < 3; c++) {
        const found = (await api.get(`/v1/customers?external_id=${tag}-c${c}`)).body.data[0];
        const available = found?.points_balance ?? 0;
        expect(available).toBeLessThanOrEqual(Math.max(model.available[c]!, 0));
        if (model.available[c]! >= 0) model.available[c] = available;
      }
      return;
    }
    case 'redeem': {
      const id = (await api.post('/v1/customers', customer(step.customer))).body.id;
      const res = await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward });
      if (model.available[step.customer]! < REWARD_COST) return void expect(res.body.error?.code).toBe('insufficient_points');
      expect(res.status).toBe(201);
      model.available[step.customer]! -= REWARD_COST;
      model.reserved[step.customer]! += REWARD_COST;
      model.redemptions.push({ id: res.body.id, code: res.body.code, customer: step.customer, status: 'reserved' });
      return;
    }
    case 'void': {
      const r = model.redemptions[step.redemption % Math.max(1, model.redemptions.length)];
      if (!r) return;
      const res = await api.post(`/v1/redemptions/${r.id}/void`, {});
      if (r.status === 'used') return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      if (r.status === 'reserved') {
        model.reserved[r.customer]! -= REWARD_COST;
        model.available[r.customer]! += REWARD_COST;
      }
      r.status = 'voided';
      return;
    }
    case 'spend': {
      const r = model.redemptions[step.redemption % Math.max(1, model.redemptions.length)];
      if (!r) return;
      const res = await api.post('/v1/orders', { external_id: `${tag}-o${model.orders.length}`, customer: customer(r.customer), currency: 'USD', subtotal: 1000, total: 1000, discount_codes: [r.code] });
      expect(res.status).toBe(201);
      model.order({ id: res.body.id, customer: r.customer, paid: 1000, earned: 15, refunded: 0, settled: 0, held: 0, availableAt: 0, cancelled: false }, now);
      if (r.status === 'reserved') model.reserved[r.customer]! -= REWARD_COST;
      if (r.status === 'reserved') r.status = 'used';
    }
  }
}

describe('ledger against a model', () => {
  it('random sequences keep every balance equal to its entries and to the model', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.array(op, { minLength: 1, maxLength: 30 }), async (allowNegative, expiry, ops) => {
        run += 1;
        const api = await t.newProgram({ allow_negative_balance: allowNegative });
        if (expiry) await api.patch('/v1/program', { expiry_policy: 'fixed', expiry_days: 12 });
        await api.post('/v1/earning-rules', { name: 'Order bonus, held', type: 'fixed_per_order', points: 5, hold_days: HOLD_DAYS });
        await api.post('/v1/earning-rules', { name: 'Review', type: 'action', event_type: 'review', points: 10 });
        const reward = (await api.post('/v1/rewards', { name: 'Coupon', type: 'amount_off', amount: 100, points_cost: REWARD_COST })).body.id;
        const model = new Model(allowNegative);
        for (const step of ops) {
          await apply(api, model, step, `run${run}`, reward, expiry);
          for (let c = 0; c < 3; c++) {
            const found = (await api.get(`/v1/customers?external_id=run${run}-c${c}`)).body.data[0];
            expect(found?.points_balance ?? 0).toBe(model.available[c]);
            expect(found?.points_pending ?? 0).toBe(model.pending[c]);
            expect(found?.points_reserved ?? 0).toBe(model.reserved[c]);
            if (!allowNegative) expect(found?.points_balance ?? 0).toBeGreaterThanOrEqual(0);
          }
        }
        expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
