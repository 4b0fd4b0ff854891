import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { expireCodes } from '../workflows/redemption-settled.ts';

const t = await createTestApp('2026-04-01T10:00:00Z');

async function customerWith(api: ApiClient, points: number, externalId = 'shopper', extra: Record<string, unknown> = {}) {
  const id = (await api.post('/v1/customers', { external_id: externalId, ...extra })).body.id as string;
  if (points > 0) await api.post(`/v1/customers/${id}/adjustments`, { points, reason: 'test balance' });
  return id;
}

async function reward(api: ApiClient, body: Record<string, unknown>) {
  const res = await api.post('/v1/rewards', { name: '5 off', type: 'amount_off', amount: 500, points_cost: 500, code_validity_days: 30, ...body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const balance = async (api: ApiClient, id: string) => {
  const c = (await api.get(`/v1/customers/${id}`)).body;
  return { available: c.points_balance, reserved: c.points_reserved };
};

describe('redeeming a reward', () => {
  it('reserve → use: points leave at once, the order marks the code used and spends them', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 800);
    const rewardId = await reward(api, {});
    const redeemed = await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId });
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({ object: 'redemption', status: 'reserved', points: 500, discount: { type: 'amount_off', amount: 500, currency: 'USD' } });
    expect(redeemed.body.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(redeemed.body.expires_at).toBe('2026-05-01T10:00:00.000Z');
    expect(await balance(api, customer)).toEqual({ available: 300, reserved: 500 });

    const validated = await api.post('/v1/discount-codes/validate', { code: redeemed.body.code.toLowerCase(), subtotal: 3000, currency: 'USD' });
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ valid: true, amount: 500, redemption_id: redeemed.body.id, free_shipping: false });

    const order = orderBody({ customer: { external_id: 'shopper' }, subtotal: 3000, discount: 500, total: 2500, discount_codes: [redeemed.body.code] });
    const placed = await api.post('/v1/orders', order);
    expect(placed.body.points_earned).toBe(25);
    await api.post('/v1/orders', order);
    const used = (await api.get(`/v1/redemptions/${redeemed.body.id}`)).body;
    expect(used).toMatchObject({ status: 'used', order_id: placed.body.id });
    expect(await balance(api, customer)).toEqual({ available: 325, reserved: 0 });
    const history = (await api.get(`/v1/customers/${customer}/transactions`)).body.data.map((x: { code: string }) => x.code);
    expect(history).toEqual(['redeem.use', 'earn.purchase', 'redeem.reserve', 'adjust.manual']);
    const again = await api.post('/v1/discount-codes/validate', { code: redeemed.body.code, subtotal: 3000, currency: 'USD' });
    expect(again.body.error).toMatchObject({ code: 'code_used', param: 'code' });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('reserve → void: the points come back, once', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 500);
    const rdm = (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: await reward(api, {}) })).body;
    const voided = await api.post(`/v1/redemptions/${rdm.id}/void`, { reason: 'changed my mind' });
    expect(voided.body).toMatchObject({ status: 'voided', void_reason: 'changed my mind' });
    expect((await api.post(`/v1/redemptions/${rdm.id}/void`, {})).status).toBe(200);
    expect(await balance(api, customer)).toEqual({ available: 500, reserved: 0 });
    const use = await api.post(`/v1/redemptions/${rdm.id}/use`, {});
    expect(use.status).toBe(409);
    expect(use.body.error.code).toBe('redemption_voided');
  });

  it('reserve → expire: points return by default, or are spent where the program says so', async () => {
    for (const returnPoints of [true, false]) {
      const api = await t.newProgram();
      await api.patch('/v1/program', { return_points_on_code_expiry: returnPoints });
      const customer = await customerWith(api, 500);
      const rdm = (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: await reward(api, { code_validity_days: 7 }) })).body;
      const later = new Date(t.clock.now().getTime() + 8 * 86_400_000);
      expect(await expireCodes(t.db, later, { programId: api.programId })).toBe(1);
      expect(await expireCodes(t.db, later, { programId: api.programId })).toBe(0);
      expect((await api.get(`/v1/redemptions/${rdm.id}`)).body.status).toBe('expired');
      expect(await balance(api, customer)).toEqual({ available: returnPoints ? 500 : 0, reserved: 0 });
    }
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('100 parallel redemptions of a 10-point reward on 100 points give exactly 10 codes', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 100);
    const rewardId = await reward(api, { points_cost: 10, amount: 100 });
    const results = await Promise.all(Array.from({ length: 100 }, () => api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId })));
    const codes = results.filter((r) => r.status === 201).map((r) => r.body.code);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.error.code === 'insufficient_points')).toBe(true);
    expect(await balance(api, customer)).toEqual({ available: 0, reserved: 100 });
  });

  it('a code given to another shopper is spent from its owner when their order uses it', async () => {
    const api = await t.newProgram();
    const owner = await customerWith(api, 500, 'owner');
    const rdm = (await api.post(`/v1/customers/${owner}/redemptions`, { reward_id: await reward(api, {}) })).body;
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'friend' }, discount_codes: [rdm.code] }));
    expect((await api.get(`/v1/redemptions/${rdm.id}`)).body.status).toBe('used');
    expect(await balance(api, owner)).toEqual({ available: 0, reserved: 0 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });
});

describe('reward conditions', () => {
  it('pay with points: a multiple of the step within min and max buys money off', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 1000);
    const rewardId = (await api.post('/v1/rewards', { name: 'Points off', type: 'amount_off', points_per_unit: 100, min_points: 200, max_points: 800 })).body.id;
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId, points: 250 })).body.error).toMatchObject({ code: 'parameter_invalid', param: 'points' });
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId, points: 900 })).status).toBe(400);
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId })).body.error.code).toBe('parameter_missing');
    const ok = await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId, points: 300 });
    expect(ok.body).toMatchObject({ points: 300, discount: { amount: 300 } });
  });

  it('once per customer, stock (a voided code gives its unit back), tags and window', async () => {
    const api = await t.newProgram();
    const vip = await customerWith(api, 5000, 'vip', { tags: ['vip'] });
    const plain = await customerWith(api, 5000, 'plain');
    const once = await reward(api, { once_per_customer: true, points_cost: 100 });
    expect((await api.post(`/v1/customers/${vip}/redemptions`, { reward_id: once })).status).toBe(201);
    expect((await api.post(`/v1/customers/${vip}/redemptions`, { reward_id: once })).body.error.code).toBe('reward_already_redeemed');

    const scarce = await reward(api, { stock: 1, points_cost: 100 });
    const first = (await api.post(`/v1/customers/${vip}/redemptions`, { reward_id: scarce })).body;
    expect((await api.post(`/v1/customers/${plain}/redemptions`, { reward_id: scarce })).body.error.code).toBe('reward_out_of_stock');
    await api.post(`/v1/redemptions/${first.id}/void`, {});
    expect((await api.post(`/v1/customers/${plain}/redemptions`, { reward_id: scarce })).status).toBe(201);

    const vipOnly = await reward(api, { customer_tags: ['vip'], points_cost: 100 });
    expect((await api.post(`/v1/customers/${plain}/redemptions`, { reward_id: vipOnly })).body.error.code).toBe('reward_not_eligible');
    expect((await api.post(`/v1/customers/${vip}/redemptions`, { reward_id: vipOnly })).status).toBe(201);

    const later = await reward(api, { starts_at: '2026-12-01T00:00:00Z', points_cost: 100 });
    expect((await api.post(`/v1/customers/${vip}/redemptions`, { reward_id: later })).body.error.code).toBe('reward_not_available');
  });

  it('a custom reward has no code: the store learns of it from an event and marks it used', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 300);
    const rewardId = (await api.post('/v1/rewards', { name: 'Tote bag', type: 'custom', points_cost: 250 })).body.id;
    const rdm = (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId })).body;
    expect(rdm).toMatchObject({ status: 'reserved', code: null });
    const events = (await api.get('/v1/program-events?type=reward.redeemed')).body.data;
    expect(events).toMatchObject([{ customer_id: customer, data: { redemption_id: rdm.id, reward_name: 'Tote bag', points: 250 } }]);
    expect((await api.post(`/v1/redemptions/${rdm.id}/use`, {})).body.status).toBe('used');
    expect(await balance(api, customer)).toEqual({ available: 50, reserved: 0 });
  });

  it('archived rewards cannot be redeemed and keep their past redemptions', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 1000);
    const rewardId = await reward(api, {});
    const rdm = (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId })).body;
    expect((await api.post(`/v1/rewards/${rewardId}/archive`)).body.status).toBe('archived');
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: rewardId })).body.error.code).toBe('reward_archived');
    expect((await api.get(`/v1/redemptions/${rdm.id}`)).body.status).toBe('reserved');
    expect((await api.get('/v1/rewards?status=archived')).body.data).toHaveLength(1);
  });

  it.each([
    [{ type: 'percent_off', points_cost: 10 }, 'parameter_missing', 'percent'],
    [{ type: 'percent_off', percent: 10, amount: 5, points_cost: 10 }, 'parameter_unknown', 'amount'],
    [{ type: 'amount_off', amount: 500 }, 'parameter_missing', 'points_cost'],
    [{ type: 'amount_off', amount: 500, points_cost: 10, points_per_unit: 10 }, 'parameter_missing', 'points_cost'],
    [{ type: 'free_shipping', points_per_unit: 10 }, 'parameter_unknown', 'points_per_unit'],
    [{ type: 'free_product', points_cost: 10 }, 'parameter_missing', 'product_id'],
    [{ type: 'amount_off', amount: 500, points_cost: 10, min_points: 5 }, 'parameter_unknown', 'min_points'],
    [{ type: 'gift_card', points_cost: 10 }, 'parameter_invalid', 'type'],
    [{ type: 'store_credit', points_cost: 10 }, 'parameter_missing', 'amount'],
    [{ type: 'store_credit', amount: 500, points_cost: 10, min_subtotal: 100 }, 'parameter_unknown', 'min_subtotal'],
    [{ type: 'percent_off', percent: 5, points_cost: 10, cause_id: 'cause_x' }, 'parameter_unknown', 'cause_id'],
  ])('refuses the reward %j with %s on %s', async (body, code, param) => {
    const api = await t.newProgram();
    const res = await api.post('/v1/rewards', { name: 'x', ...body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, param });
  });
});

describe('checkout validation', () => {
  it('answers each reason a code cannot be used, and changes nothing', async () => {
    const api = await t.newProgram();
    await api.patch('/v1/program', { code_prefix: 'REG-' });
    const customer = await customerWith(api, 5000);
    const other = await customerWith(api, 0, 'other');
    const minimum = (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: await reward(api, { min_subtotal: 2000 }) })).body;
    expect(minimum.code).toMatch(/^REG-[A-HJKMNP-Z2-9]{10}$/);
    const check = (body: Record<string, unknown>) => api.post('/v1/discount-codes/validate', { subtotal: 2500, currency: 'USD', code: minimum.code, ...body });
    expect((await check({ code: 'REG-NOPE' })).status).toBe(404);
    expect((await check({ code: 'REG-NOPE' })).body.error.code).toBe('code_unknown');
    expect((await check({ subtotal: 1999 })).body.error.code).toBe('below_minimum');
    expect((await check({ currency: 'EUR' })).body.error.code).toBe('currency_mismatch');
    expect((await check({ customer: { id: other } })).body.error.code).toBe('wrong_customer');
    expect((await check({ customer: { external_id: 'shopper' } })).status).toBe(200);
    const future = new Date(t.clock.now().getTime() + 31 * 86_400_000);
    t.clock.set(future);
    expect((await check({})).body.error.code).toBe('code_expired');
    t.clock.set('2026-04-01T10:00:00Z');
    expect((await api.get(`/v1/redemptions/${minimum.id}`)).body.status).toBe('reserved');
  });

  it('computes percent, free shipping with a cap and free products', async () => {
    const api = await t.newProgram();
    const customer = await customerWith(api, 5000);
    const redeem = async (body: Record<string, unknown>) => (await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: await reward(api, body) })).body.code;
    const percent = await redeem({ type: 'percent_off', percent: 15, amount: undefined, points_cost: 100 });
    const shipping = await redeem({ type: 'free_shipping', shipping_cap: 800, amount: undefined, points_cost: 100 });
    const product = await redeem({ type: 'free_product', product_id: 'mug', amount: undefined, points_cost: 100 });
    const cart = { subtotal: 3333, currency: 'USD', shipping: 1200, line_items: [{ product_id: 'mug', quantity: 1, unit_price: 900 }] };
    expect((await api.post('/v1/discount-codes/validate', { ...cart, code: percent })).body).toMatchObject({ amount: 499, type: 'percent_off' });
    expect((await api.post('/v1/discount-codes/validate', { ...cart, code: shipping })).body).toMatchObject({ amount: 800, free_shipping: true });
    expect((await api.post('/v1/discount-codes/validate', { ...cart, code: product })).body).toMatchObject({ amount: 900, product: { product_id: 'mug' } });
  });

  it("a key of another program cannot see a program's codes", async () => {
    const a = await t.newProgram();
    const b = await t.newProgram();
    const customer = await customerWith(a, 500);
    const rdm = (await a.post(`/v1/customers/${customer}/redemptions`, { reward_id: await reward(a, {}) })).body;
    expect((await b.post('/v1/discount-codes/validate', { code: rdm.code, subtotal: 1000, currency: 'USD' })).status).toBe(404);
    expect((await b.get(`/v1/redemptions/${rdm.id}`)).status).toBe(404);
    expect((await b.post(`/v1/redemptions/${rdm.id}/void`, {})).status).toBe(404);
  });
});
