import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing/test-app.ts';

const { newProgram, clock } = await createTestApp();

describe('PATCH with no changes', () => {
  it('answers every object unchanged, never a 500', async () => {
    const api = await newProgram();
    const reward = (await api.post('/v1/rewards', { name: '$2 off', type: 'amount_off', amount: 200, points_cost: 60 })).body.id;
    const created = {
      '/v1/program': undefined,
      '/v1/referral-program': undefined,
      '/v1/earning-rules': (await api.post('/v1/earning-rules', { name: 'Review', type: 'action', event_type: 'review', points: 50 })).body.id,
      '/v1/rewards': reward,
      '/v1/tiers': (await api.post('/v1/tiers', { name: 'Gold', threshold: 500 })).body.id,
      '/v1/stamp-cards': (await api.post('/v1/stamp-cards', { name: 'Coffee card', stamps_required: 3, per: 'order', reward_id: reward })).body.id,
      '/v1/challenges': (await api.post('/v1/challenges', { name: 'Review 2', goal: 'event', event_type: 'review', target: 2, points: 50 })).body.id,
      '/v1/membership-plans': (await api.post('/v1/membership-plans', { name: 'Club', price: 999, interval: 'month' })).body.id,
      '/v1/charity/causes': (await api.post('/v1/charity/causes', { name: 'Trees' })).body.id,
    };
    for (const [collection, id] of Object.entries(created)) {
      const url = id ? `${collection}/${id}` : collection;
      const before = (await api.get(url)).body;
      clock.advanceDays(1); // a write would move updated_at
      const patched = await api.patch(url, {});
      expect(patched.status, url).toBe(200);
      expect(patched.body, url).toEqual(before);
    }
  });
});
