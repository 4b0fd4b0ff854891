import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { completeReferrals } from '../workflows/referral-completed.ts';

const t = await createTestApp('2026-02-01T12:00:00Z');

async function referralProgram() {
  t.clock.set('2026-02-01T12:00:00Z');
  const api = await t.newProgram();
  const friendGift = (await api.post('/v1/rewards', { name: '10% off your first order', type: 'percent_off', percent: 10, points_cost: 1, code_validity_days: 30 })).body.id;
  const advocateGift = (await api.post('/v1/rewards', { name: '$10 off', type: 'amount_off', amount: 1000, points_cost: 1000 })).body.id;
  const settings = await api.patch('/v1/referral-program', { friend_reward_id: friendGift, advocate_reward_id: advocateGift, advocate_points: 200, hold_days: 14, link_base: 'https://shop.example/?ref=' });
  expect(settings.status).toBe(200);
  const advocate = (await api.post('/v1/customers', { external_id: 'ada', email: 'ada@example.com' })).body.id as string;
  await api.post('/v1/orders', orderBody({ customer: { external_id: 'ada' }, ip_hash: 'ip-ada', device_hash: 'dev-ada', shipping_address_hash: 'addr-ada' }));
  const share = (await api.get(`/v1/customers/${advocate}/referral`)).body;
  return { api, advocate, code: share.code as string, share, friendGift, advocateGift };
}

const order = (api: ApiClient, friend: string, extra: Record<string, unknown> = {}) =>
  api.post('/v1/orders', orderBody({ customer: { external_id: friend }, placed_at: t.clock.now().toISOString(), ...extra })).then((r) => r.body);

describe('referrals', () => {
  it('friend rewarded at once; advocate when the first order clears the hold; stats', async () => {
    const { api, advocate, code, share, friendGift, advocateGift } = await referralProgram();
    expect(share).toMatchObject({ object: 'referral_code', code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{8}$/), link: `https://shop.example/?ref=${share.code}` });
    const created = await api.post('/v1/referrals', { code: code.toLowerCase(), friend: { external_id: 'bob', email: 'bob@example.com' }, ip_hash: 'ip-bob' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', flags: [], advocate_id: advocate });
    const friendCodes = (await api.get(`/v1/customers/${created.body.friend_id}/redemptions`)).body.data;
    expect(friendCodes).toMatchObject([{ reward_id: friendGift, points: 0, status: 'reserved' }]);
    expect((await api.post('/v1/referrals', { code, friend: { external_id: 'bob' } })).status).toBe(200);

    const first = await order(api, 'bob', { ip_hash: 'ip-bob', shipping_address_hash: 'addr-bob' });
    expect((await api.get(`/v1/referrals/${created.body.id}`)).body).toMatchObject({ order_id: first.id, completes_at: '2026-02-15T12:00:00.000Z', status: 'pending' });
    t.clock.set('2026-02-15T11:00:00Z');
    expect(await completeReferrals(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    t.clock.set('2026-02-15T13:00:00Z');
    expect(await completeReferrals(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect(await completeReferrals(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    const done = (await api.get(`/v1/referrals/${created.body.id}`)).body;
    expect(done).toMatchObject({ status: 'completed', advocate_points: 200, advocate_redemption_id: expect.stringMatching(/^rdm_/) });
    expect((await api.get(`/v1/customers/${advocate}/redemptions`)).body.data).toMatchObject([{ reward_id: advocateGift, points: 0 }]);
    expect((await api.get(`/v1/customers/${advocate}`)).body.points_balance).toBe(54 + 200);
    expect((await api.get(`/v1/customers/${advocate}/referral`)).body.stats).toEqual({ sent: 1, pending: 0, flagged: 0, completed: 1, rejected: 0, revenue: 5900 });
    expect((await api.get('/v1/referrals/stats')).body).toMatchObject({ sent: 1, completed: 1, revenue: 5900 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('a first order refunded in full or cancelled before the hold ends rewards no one', async () => {
    const { api, advocate, code } = await referralProgram();
    await api.post('/v1/referrals', { code, friend: { external_id: 'carl' } });
    const first = await order(api, 'carl');
    await api.post(`/v1/orders/${first.id}/refunds`, { external_id: 'all' });
    t.clock.set('2026-03-01T00:00:00Z');
    await completeReferrals(t.db, t.clock.now(), { programId: api.programId });
    const referral = (await api.get(`/v1/referrals?advocate_id=${advocate}`)).body.data[0];
    expect(referral).toMatchObject({ status: 'rejected', rejected_reason: 'order_refunded' });
    expect((await api.get(`/v1/customers/${advocate}`)).body.points_balance).toBe(54);
  });

  it('fraud checks flag a referral; an admin approves or rejects it', async () => {
    const { api, advocate, code } = await referralProgram();
    const self = await api.post('/v1/referrals', { code, friend: { email: 'ADA+alt@example.com' } });
    expect(self.body).toMatchObject({ status: 'flagged', flags: ['same_email'] });
    expect((await api.get(`/v1/customers/${self.body.friend_id}/redemptions`)).body.data).toEqual([]);

    const dana = await api.post('/v1/referrals', { code, friend: { external_id: 'dana' } });
    const placedByAdvocate = await order(api, 'dana', { device_hash: 'dev-ada' });
    const flagged = (await api.get(`/v1/referrals/${dana.body.id}`)).body;
    expect(flagged).toMatchObject({ status: 'flagged', flags: ['advocate_placed_order'], order_id: placedByAdvocate.id });
    t.clock.set('2026-03-01T00:00:00Z');
    expect(await completeReferrals(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    const approved = await api.post(`/v1/referrals/${dana.body.id}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'completed', advocate_points: 200 });
    expect((await api.get(`/v1/customers/${approved.body.friend_id}/redemptions`)).body.data).toHaveLength(1);
    const rejected = await api.post(`/v1/referrals/${self.body.id}/reject`, { reason: 'same person' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejected_reason: 'same person' });
    expect((await api.post(`/v1/referrals/${self.body.id}/approve`, {})).body.error.code).toBe('referral_not_flagged');
    expect((await api.get(`/v1/referrals?status=flagged&advocate_id=${advocate}`)).body.data).toEqual([]);
  });

  it('more than the weekly limit from one IP is flagged; a friend cannot be referred twice; unknown codes', async () => {
    const { api, code } = await referralProgram();
    await api.patch('/v1/referral-program', { ip_limit_per_week: 2 });
    const statuses = [];
    for (const name of ['e1', 'e2', 'e3']) statuses.push((await api.post('/v1/referrals', { code, friend: { external_id: name }, ip_hash: 'same-ip' })).body.flags);
    expect(statuses).toEqual([[], [], ['ip_velocity']]);
    const other = (await api.post('/v1/customers', { external_id: 'other-advocate' })).body.id;
    const otherCode = (await api.get(`/v1/customers/${other}/referral`)).body.code;
    const twice = await api.post('/v1/referrals', { code: otherCode, friend: { external_id: 'e1' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_referred');
    expect((await api.post('/v1/referrals', { code: 'NOPE2345', friend: { external_id: 'x' } })).body.error).toMatchObject({ code: 'referral_code_unknown', param: 'code' });
    expect((await api.post('/v1/referrals', { code, friend: { external_id: 'old' } })).status).toBe(201);
  });

  it('a friend who already ordered is not a new customer', async () => {
    const { api, code } = await referralProgram();
    await order(api, 'regular');
    expect((await api.post('/v1/referrals', { code, friend: { external_id: 'regular' } })).body.flags).toEqual(['not_new_customer']);
  });
});
