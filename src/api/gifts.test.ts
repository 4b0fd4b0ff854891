import { describe, expect, it } from 'vitest';
import { deliverDueEmails } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { giveDueGifts } from '../workflows/gift-given.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');

async function store(): Promise<{ api: ApiClient; loyal: string[]; other: string }> {
  const api = await t.newProgram();
  const loyal: string[] = [];
  for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
    loyal.push((await api.post('/v1/orders', orderBody({ customer: { email } }))).body.customer_id);
    await api.post('/v1/customers', { email, tags: ['vip'] });
  }
  const other = (await api.post('/v1/orders', orderBody({ customer: { email: 'd@example.com' } }))).body.customer_id;
  return { api, loyal, other };
}

const balance = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body.points_balance as number;

describe('group gifts', () => {
  it('gives 500 points to everyone in a segment once, with progress, a gift.received event each and the reason in the ledger', async () => {
    const { api, loyal, other } = await store();
    const vip = (await api.post('/v1/segments', { name: 'VIP', match: 'all', conditions: [{ type: 'tags', any_of: ['vip'] }] })).body;
    const gift = await api.post('/v1/gifts', { segment_id: vip.id, points: 500, reason: 'The store’s 10th birthday' });
    expect(gift.status).toBe(201);
    expect(gift.body).toMatchObject({ object: 'gift', id: expect.stringMatching(/^gift_/), status: 'scheduled', recipients: null, given: 0 });
    expect(await giveDueGifts(t.deps)).toBe(3);
    expect(await giveDueGifts(t.deps)).toBe(0);
    expect((await api.get(`/v1/gifts/${gift.body.id}`)).body).toMatchObject({ status: 'done', recipients: 3, given: 3, skipped: 0 });
    for (const id of loyal) expect(await balance(api, id)).toBe(554);
    expect(await balance(api, other)).toBe(54);
    const history = (await api.get(`/v1/customers/${loyal[0]}/transactions`)).body.data;
    expect(history[0]).toMatchObject({ code: 'earn.gift', points: 500 });
    expect(JSON.stringify(history[0])).toContain('The store’s 10th birthday');
    const events = (await api.get(`/v1/program-events?type=gift.received&limit=10`)).body.data;
    expect(events).toHaveLength(3);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('gives a reward to named customers, and a cancelled scheduled gift gives nothing', async () => {
    const { api, loyal } = await store();
    const reward = (await api.post('/v1/rewards', { name: 'Free shipping', type: 'free_shipping', points_cost: 100 })).body;
    const later = (await api.post('/v1/gifts', { customer_ids: [loyal[0]], points: 50, reason: 'Sorry for the delay', scheduled_at: '2026-08-05T09:00:00Z' })).body;
    const now = (await api.post('/v1/gifts', { customer_ids: [loyal[0], loyal[1]], reward_id: reward.id, reason: 'A free shipping code for our regulars' })).body;
    expect(await giveDueGifts(t.deps)).toBe(2);
    expect((await api.get(`/v1/customers/${loyal[1]}/redemptions`)).body.data[0]).toMatchObject({ reward_id: reward.id, points: 0, code: expect.any(String) });
    expect((await api.get(`/v1/gifts/${now.id}`)).body).toMatchObject({ status: 'done', given: 2 });

    expect((await api.post(`/v1/gifts/${later.id}/cancel`)).body.status).toBe('cancelled');
    t.clock.set('2026-08-06T00:00:00Z');
    expect(await giveDueGifts(t.deps)).toBe(0);
    expect(await balance(api, loyal[0]!)).toBe(54);
    expect((await api.post(`/v1/gifts/${now.id}/cancel`)).body.error.code).toBe('gift_not_cancellable');
    t.clock.set('2026-08-01T12:00:00Z');
  });

  it('refuses a gift of both or neither, to a missing segment or customer, saving nothing', async () => {
    const { api, loyal } = await store();
    const cases: [Record<string, unknown>, string][] = [
      [{ points: 10, reason: 'x' }, 'segment_id'],
      [{ customer_ids: [loyal[0]], reason: 'x' }, 'points'],
      [{ customer_ids: [loyal[0]], points: 10, reward_id: 'rwd_x', reason: 'x' }, 'points'],
      [{ segment_id: 'seg_missing', points: 10, reason: 'x' }, 'segment_id'],
      [{ customer_ids: ['cus_missing'], points: 10, reason: 'x' }, 'customer_ids'],
      [{ customer_ids: [loyal[0]], reward_id: 'rwd_missing', reason: 'x' }, 'reward_id'],
    ];
    for (const [body, param] of cases) {
      const refused = await api.post('/v1/gifts', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.param).toBe(param);
    }
    expect((await api.get('/v1/gifts')).body.data).toEqual([]);
  });
});

describe('the gift_received email', () => {
  it('tells each customer of a points gift how many and why; a campaign’s gift is told by the campaign', async () => {
    const { api } = await store();
    const vip = (await api.post('/v1/segments', { name: 'VIP', match: 'all', conditions: [{ type: 'tags', any_of: ['vip'] }] })).body;
    await api.post('/v1/gifts', { segment_id: vip.id, points: 500, reason: 'The store’s 10th birthday' });
    await api.post('/v1/email-campaigns', { name: 'Holiday greetings', segment_id: vip.id, content: { en: { subject: 'Happy holidays', preheader: '', heading: 'Happy holidays', body: '{{ gift.points }} points for you.', button: '' } }, gift: { points: 50 } });
    await giveDueGifts(t.deps);
    await queueDueEmails(t.deps);
    while ((await deliverDueEmails(t.deps, { transport: undefined, from: 'x@example.com', publicUrl: 'https://loyalty.example', retrySeconds: [] })) > 0);
    const told = (await api.get('/v1/email-messages?flow=gift_received&limit=10')).body.data as { status: string; subject: string; id: string }[];
    expect(told.map((m) => [m.status, m.subject])).toEqual(Array(3).fill(['outbox', 'A gift for you: 500 points']));
    expect((await api.get(`/v1/email-messages/${told[0]!.id}`)).body.text).toContain('The store’s 10th birthday: we added 500 points to your account');
  });
});
