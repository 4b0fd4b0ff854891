import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { client, createTestApp, orderBody } from './testing/test-app.ts';
import { settle } from '../stores/settlement.ts';

const t = await createTestApp('2026-10-05T12:00:00Z');

describe('partner (coalition) programs', () => {
  it('points earned at one store are redeemed at another; the settlement says who owes whom, and balances', async () => {
    const shop = await t.newProgram({ name: 'Sneakers', currency: 'USD' });
    await shop.patch('/v1/program', { point_value_per_1000: 1000 });
    const music = (await shop.post('/v1/stores', { name: 'Music', currency: 'eur' })).body;
    expect(music).toMatchObject({ object: 'store', currency: 'EUR', is_default: false });
    const partner = client(t.app, shop.programId, (await shop.post(`/v1/stores/${music.id}/keys`)).body.api_key);
    await shop.post('/v1/earning-rules', { name: 'Music: 2 points per euro', type: 'points_per_unit', points: 2, store_id: music.id });
    const [base] = (await shop.get('/v1/earning-rules')).body.data;
    await shop.patch(`/v1/earning-rules/${base.id}`, { store_id: (await shop.get('/v1/stores')).body.data.find((s: { is_default: boolean }) => s.is_default).id });

    const atShop = (await shop.post('/v1/orders', orderBody({ customer: { external_id: 'fan' } }))).body;
    expect(atShop.points_earned).toBe(54);
    const atMusic = (await partner.post('/v1/orders', orderBody({ customer: { external_id: 'fan' }, currency: 'EUR', subtotal: 5000, total: 5000, line_items: [] }))).body;
    expect(atMusic.points_earned).toBe(100);
    expect((await partner.post('/v1/orders', orderBody({ customer: { external_id: 'fan' } }))).body.error.code).toBe('currency_mismatch');

    const reward = (await shop.post('/v1/rewards', { name: '€5 off', type: 'amount_off', amount: 500, points_cost: 120 })).body.id;
    const code = (await partner.post(`/v1/customers/${atShop.customer_id}/redemptions`, { reward_id: reward })).body;
    expect(code.discount).toMatchObject({ currency: 'EUR', amount: 500 });
    await partner.post('/v1/orders', orderBody({ customer: { external_id: 'fan' }, currency: 'EUR', subtotal: 2000, total: 1500, discount: 500, line_items: [], discount_codes: [code.code] }));

    const report = (await shop.get('/v1/coalition/settlement?from=2026-10-01&to=2026-11-01')).body;
    const sneakers = report.stores.find((s: { name: string }) => s.name === 'Sneakers');
    const musicRow = report.stores.find((s: { name: string }) => s.name === 'Music');
    expect(sneakers).toMatchObject({ points_issued: 54, points_redeemed: 0, net_amount: -54 });
    expect(musicRow).toMatchObject({ points_issued: 130, points_redeemed: 120, net_amount: 54 });
    expect(report.debts).toEqual([{ from_store_id: sneakers.store_id, to_store_id: music.id, points: 54, amount: 54 }]);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('a store of one program is invisible to another', async () => {
    const a = await t.newProgram();
    const b = await t.newProgram();
    const store = (await a.post('/v1/stores', { name: 'Partner', currency: 'USD' })).body;
    expect((await b.post(`/v1/stores/${store.id}/keys`)).status).toBe(404);
    expect((await b.get('/v1/stores')).body.data).toHaveLength(1);
  });

  it('settlement arithmetic: each debt is one store’s and another’s, so the nets add up to zero', () => {
    const { debts, net } = settle(
      [
        { issuer: 'a', redeemer: 'b', points: 333 },
        { issuer: 'b', redeemer: 'a', points: 100 },
        { issuer: 'c', redeemer: 'b', points: 7 },
        { issuer: 'b', redeemer: 'b', points: 50 },
      ],
      2500,
    );
    expect(debts).toEqual([
      { from_store_id: 'a', to_store_id: 'b', points: 333, amount: 832 },
      { from_store_id: 'b', to_store_id: 'a', points: 100, amount: 250 },
      { from_store_id: 'c', to_store_id: 'b', points: 7, amount: 17 },
    ]);
    expect(Object.fromEntries(net)).toEqual({ a: -582, b: 599, c: -17 });
  });
});
