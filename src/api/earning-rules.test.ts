import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';
import { awardBirthdays } from '../workflows/birthday-sweep.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');

describe('earning rules API', () => {
  it('creates, lists, updates and deactivates rules', async () => {
    const api = await t.newProgram();
    const created = await api.post('/v1/earning-rules', { name: 'Coffee club', type: 'points_per_unit', points: 2, include_collections: ['coffee'], hold_days: 7, metadata: { campaign: 'spring' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'earning_rule', type: 'points_per_unit', points: 2, include_collections: ['coffee'], active: true });
    const updated = await api.patch(`/v1/earning-rules/${created.body.id}`, { points: 3 });
    expect(updated.body).toMatchObject({ points: 3, hold_days: 7, name: 'Coffee club' });
    await api.patch(`/v1/earning-rules/${created.body.id}`, { active: false });
    expect((await api.get('/v1/earning-rules?active=true')).body.data).toHaveLength(1);
    expect((await api.get('/v1/earning-rules?active=false')).body.data).toMatchObject([{ id: created.body.id, active: false }]);
  });

  it.each([
    [{ name: 'x', type: 'points_per_unit' }, 'parameter_missing', 'points'],
    [{ name: 'x', type: 'multiplier', multiplier: 2, points: 1 }, 'parameter_unknown', 'points'],
    [{ name: 'x', type: 'multiplier', multiplier: 1.234 }, 'parameter_invalid', 'multiplier'],
    [{ name: 'x', type: 'action', points: 5 }, 'parameter_missing', 'event_type'],
    [{ name: 'x', type: 'action', points: 5, event_type: 'review', min_spend: 100 }, 'parameter_unknown', 'min_spend'],
    [{ name: 'x', type: 'action', points: 5, event_type: 'review', network: 'instagram' }, 'parameter_unknown', 'network'],
    [{ name: 'x', type: 'fixed_per_order', points: 5, starts_at: '2026-02-01T00:00:00Z', ends_at: '2026-01-01T00:00:00Z' }, 'parameter_invalid', 'ends_at'],
    [{ name: 'x', type: 'bonus', points: 5 }, 'parameter_invalid', 'type'],
    [{ name: 'x', type: 'fixed_per_order', points: -5 }, 'parameter_invalid', 'points'],
    [{ name: 'x', type: 'action', points: 5, event_type: 'Review Written' }, 'parameter_invalid', 'event_type'],
  ])('refuses %j with %s on %s', async (body, code, param) => {
    const api = await t.newProgram();
    const res = await api.post('/v1/earning-rules', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, param });
    expect((await api.get('/v1/earning-rules')).body.data).toHaveLength(1);
  });

  it('a double points weekend doubles orders placed inside its window only', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Double points weekend', type: 'multiplier', multiplier: 2, starts_at: '2026-03-07T00:00:00Z', ends_at: '2026-03-09T00:00:00Z' });
    const inside = (await api.post('/v1/orders', orderBody({ placed_at: '2026-03-07T15:00:00Z' }))).body;
    const after = (await api.post('/v1/orders', orderBody({ placed_at: '2026-03-09T00:00:00Z' }))).body;
    expect(inside.points_earned).toBe(108);
    expect(after.points_earned).toBe(54);
  });

  it('previews the points an order would earn, with a draft rule, explained, changing nothing', async () => {
    const api = await t.newProgram();
    const cart = { subtotal: 5450, line_items: [{ product_id: 'beans', title: 'Beans', quantity: 2, unit_price: 2725, collections: ['coffee'] }] };
    const saved = await api.post('/v1/earning-rules/preview', cart);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ object: 'earning_preview', points: 54, awards: [{ rule_name: '1 point per currency unit spent', points: 54 }] });
    expect(saved.body.awards[0].explanation.summary).toBe('1 point per 1.00 USD on 54.50 USD subtotal after discounts = 54 (rounded down)');
    const draft = await api.post('/v1/earning-rules/preview', { ...cart, rule: { name: 'Coffee bonus', type: 'fixed_per_order', points: 25, include_collections: ['coffee'] } });
    expect(draft.body.points).toBe(79);
    expect(draft.body.awards.find((a: { rule_id: string | null }) => a.rule_id === null)).toMatchObject({ rule_name: 'Coffee bonus', points: 25 });
    const doubled = await api.post('/v1/earning-rules/preview', { ...cart, rule: { name: 'Double', type: 'multiplier', multiplier: 2 } });
    expect(doubled.body.points).toBe(108);
    const bad = await api.post('/v1/earning-rules/preview', { ...cart, rule: { name: 'x', type: 'points_per_unit' } });
    expect([bad.status, bad.body.error.code, bad.body.error.param]).toEqual([400, 'parameter_missing', 'points']);
    expect((await api.post('/v1/earning-rules/preview', { subtotal: -1 })).status).toBe(400);
    expect((await api.get('/v1/earning-rules')).body.data).toHaveLength(1);
    expect((await api.get('/v1/audit-log')).body.data).toHaveLength(0);
  });

  it('limits a purchase rule per customer and period', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'First order of the month bonus', type: 'fixed_per_order', points: 30, limit: { count: 1, period: 'month' } });
    const earned = [];
    for (const day of ['2026-03-03', '2026-03-20', '2026-04-01']) {
      earned.push((await api.post('/v1/orders', orderBody({ placed_at: `${day}T10:00:00Z` }))).body.points_earned);
    }
    expect(earned).toEqual([84, 54, 84]);
  });
});

describe('events', () => {
  it('awards action rules once per idempotency key, within their limits', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Review', type: 'action', event_type: 'review', points: 50, limit: { count: 2, period: 'day' } });
    const customer = { external_id: 'reviewer' };
    const send = (key: string) => api.post('/v1/events', { customer, type: 'review', idempotency_key: key, properties: { product_id: 'mug' } });
    const first = await send('review-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ object: 'event', type: 'review', points_awarded: 50 });
    const replay = await send('review-1');
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    await send('review-2');
    const third = await send('review-3');
    expect(third.body.points_awarded).toBe(0);
    expect((await api.get(`/v1/customers/${first.body.customer_id}`)).body.points_balance).toBe(100);
  });

  it('matches social rules by network and custom events by name', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Follow on Instagram', type: 'action', event_type: 'social_follow', network: 'instagram', points: 20, limit: { count: 1, period: 'lifetime' } });
    await api.post('/v1/earning-rules', { name: 'Quiz', type: 'action', event_type: 'quiz_completed', points: 5 });
    const customer = { email: 'fan@example.com' };
    const tiktok = await api.post('/v1/events', { customer, type: 'social_follow', idempotency_key: 'f1', properties: { network: 'tiktok' } });
    const insta = await api.post('/v1/events', { customer, type: 'social_follow', idempotency_key: 'f2', properties: { network: 'instagram' } });
    const quiz = await api.post('/v1/events', { customer, type: 'quiz_completed', idempotency_key: 'q1' });
    expect([tiktok.body.points_awarded, insta.body.points_awarded, quiz.body.points_awarded]).toEqual([0, 20, 5]);
  });

  it('refuses birthday events (the sweep awards them) and bad types', async () => {
    const api = await t.newProgram();
    const birthday = await api.post('/v1/events', { customer: { external_id: 'b' }, type: 'birthday', idempotency_key: 'x' });
    expect(birthday.status).toBe(400);
    expect(birthday.body.error.code).toBe('reserved_event_type');
    const bad = await api.post('/v1/events', { customer: { external_id: 'b' }, type: 'Has Spaces', idempotency_key: 'x' });
    expect(bad.body.error.param).toBe('type');
    const missing = await api.post('/v1/events', { customer: { external_id: 'b' }, type: 'review' });
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'idempotency_key' });
  });
});

describe('birthday sweep', () => {
  it('awards on the birthday once per year; 29 February is celebrated on the 28th', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Birthday', type: 'action', event_type: 'birthday', points: 200 });
    const may = (await api.post('/v1/customers', { external_id: 'may', birthday: '1990-05-17' })).body.id;
    const leap = (await api.post('/v1/customers', { external_id: 'leap', birthday: '2000-02-29' })).body.id;
    const balance = async (id: string) => (await api.get(`/v1/customers/${id}`)).body.points_balance;

    t.clock.set('2026-02-28T00:05:00Z');
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect(await balance(leap)).toBe(200);
    t.clock.set('2026-05-16T23:59:00Z');
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    t.clock.set('2026-05-17T00:05:00Z');
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    t.clock.set('2026-05-17T18:00:00Z');
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    expect(await balance(may)).toBe(200);
    t.clock.set('2027-05-17T08:00:00Z');
    await awardBirthdays(t.db, t.clock.now(), { programId: api.programId });
    expect(await balance(may)).toBe(400);
  });
});
