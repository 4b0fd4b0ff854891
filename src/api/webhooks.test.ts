import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import { metrics } from '../platform/metrics.ts';
import { allowedDestinations } from '../webhooks/destination-guard.ts';
import { deliverDueWebhooks, type WebhookSettings } from '../workflows/webhooks/webhook-delivered.ts';
import { startWebhookLoop } from '../workflows/webhooks/webhook-loop.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './testing/webhook-receiver.ts';

const t = await createTestApp('2026-08-01T12:00:00Z', { webhookAllowedHosts: ['127.0.0.1'] });
const settings: WebhookSettings = { schedule: [5, 300], allowed: allowedDestinations(['127.0.0.1']) };

beforeEach(() => t.clock.set('2026-08-01T12:00:00Z'));

/** Passes of the sender until nothing is due. */
async function deliver(options: Partial<WebhookSettings> = {}): Promise<void> {
  while ((await deliverDueWebhooks(t.deps, { ...settings, ...options })) > 0);
}

async function endpoint(api: ApiClient, receiver: WebhookReceiver, events: string[] = ['*']): Promise<{ id: string; secret: string }> {
  const created = await api.post('/v1/webhook-endpoints', { url: receiver.url, events, description: 'Our CRM' });
  expect(created.status).toBe(201);
  return created.body;
}

/** Verifies with the Standard Webhooks library, as a consumer would; throws on a bad signature. */
const verified = (secret: string, w: ReceivedWebhook) => new Webhook(secret).verify(w.body, w.headers as Record<string, string>) as { id: string; type: string; timestamp: string; data: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const ofType = (receiver: WebhookReceiver, type: string) => receiver.received.filter((w) => JSON.parse(w.body).type === type);
const deliveries = async (api: ApiClient, id: string, query = '') => (await api.get(`/v1/webhook-endpoints/${id}/deliveries?limit=100${query}`)).body.data as { id: string; event_id: string; event_type: string; status: string; attempt_count: number; next_attempt_at: string | null; attempts: { status: number | null; error: string | null; response: string }[] }[];

describe('webhook endpoints', () => {
  it('shows the whsec_ secret once, and refuses unknown events and inward addresses with a clear error, creating nothing', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const created = await endpoint(api, receiver, ['points.earned', 'tier.*']);
    expect(created).toMatchObject({ object: 'webhook_endpoint', id: expect.stringMatching(/^whe_/), secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{40,}$/), events: ['points.earned', 'tier.*'], status: 'enabled' });
    const read = (await api.get(`/v1/webhook-endpoints/${created.id}`)).body;
    expect(read).not.toHaveProperty('secret');
    expect(JSON.stringify((await api.get('/v1/webhook-endpoints')).body)).not.toContain(created.secret);

    const typo = await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['points.earnd'] });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ code: 'parameter_invalid', param: 'events' });
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.7/hook', 'http://127.0.0.2:9/hook', 'http://[::1]/hook', 'http://[::ffff:169.254.169.254]/x', 'ftp://example.com/x', 'not a url']) {
      const refused = await api.post('/v1/webhook-endpoints', { url, events: ['*'] });
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.param).toBe('url');
    }
    expect((await api.get('/v1/webhook-endpoints')).body.data).toHaveLength(1);

    // An Idempotency-Key keeps the answer for replays, but not the secret it showed.
    const keyed = await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['*'] }, { 'idempotency-key': 'whe-1' });
    const replayed = await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['*'] }, { 'idempotency-key': 'whe-1' });
    expect(replayed.body).toMatchObject({ id: keyed.body.id, secret: '[redacted]' });
    const stored = await t.db.selectFrom('idempotency_keys').select('response_body').where('key', '=', 'whe-1').executeTakeFirstOrThrow();
    expect(stored.response_body).not.toContain(keyed.body.secret);
    await api.delete(`/v1/webhook-endpoints/${keyed.body.id}`);

    const patched = await api.patch(`/v1/webhook-endpoints/${created.id}`, { events: ['*'], description: 'All of it' });
    expect(patched.body).toMatchObject({ events: ['*'], description: 'All of it' });
    expect((await api.delete(`/v1/webhook-endpoints/${created.id}`)).body).toMatchObject({ deleted: true });
    expect((await api.get(`/v1/webhook-endpoints/${created.id}`)).status).toBe(404);
  });
});

describe('delivering program events', () => {
  it('delivers an order’s points.earned once, signed as Standard Webhooks, with the customer’s ids, the change, the balance and the sequence', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id, secret } = await endpoint(api, receiver, ['points.earned']);
    const order = (await api.post('/v1/orders', orderBody({ customer: { external_id: '7365481', email: 'ana@example.com' } }))).body;
    await deliver();
    await deliver();
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    const event = verified(secret, webhook!);
    expect(webhook!.headers['webhook-id']).toBe(event.id);
    expect(event).toMatchObject({ id: expect.stringMatching(/^evt_/), type: 'points.earned', timestamp: '2026-08-01T12:00:00.000Z' });
    expect(event.data).toMatchObject({ customer: { id: order.customer_id, store_customer_id: '7365481', email: 'ana@example.com' }, points: 54, balance: 54, pending_balance: 0, sequence: expect.any(Number), reference: { type: 'order', id: order.id } });
    expect(event.data.reason).toMatch(/54/);
    expect(Buffer.byteLength(webhook!.body)).toBeLessThan(20_000);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(webhook!.body, webhook!.headers as Record<string, string>)).toThrow();

    // The next event of the same customer comes later in their sequence.
    await api.post(`/v1/customers/${order.customer_id}/adjustments`, { points: -4, reason: 'Goodwill correction' });
    await api.patch(`/v1/webhook-endpoints/${id}`, { events: ['points.*'] });
    await api.post('/v1/orders', orderBody({ customer: { external_id: '7365481' } }));
    await deliver();
    const later = verified(secret, receiver.received.at(-1)!);
    expect(later.data.sequence).toBeGreaterThan(event.data.sequence as number);
    expect(later.data.balance).toBe(104);
    expect((await api.get(`/v1/program-events?customer_id=${order.customer_id}&limit=50`)).body.data.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['customer.created', 'points.earned', 'points.adjusted']));
  });

  it('announces each transfer of one posting with the balances right after it, in sequence', async () => {
    const api = await t.newProgram();
    const customer = (await api.post('/v1/customers', { email: 'two@example.com' })).body;
    const at = t.clock.now();
    const draft = (key: string, points: number) => ({ code: 'adjust.manual' as const, idempotency_key: key, reference: { type: 'adjustment', id: key }, explanation: { summary: key, inputs: {} }, occurred_at: at, entries: points > 0 ? move(points, Account.adjustments, Account.available) : move(-points, Account.available, Account.adjustments), ...(points > 0 ? { opensLot: { earned_at: at } } : {}) });
    await t.db.transaction().execute((tx) => postTransfers(tx, api.programId, customer.id, [draft('plus-10', 10), draft('minus-3', -3), draft('plus-5', 5)], at));
    const events = (await api.get(`/v1/program-events?customer_id=${customer.id}&type=points.adjusted&limit=10`)).body.data.reverse();
    expect(events.map((e: { data: { points: number; balance: number } }) => [e.data.points, e.data.balance])).toEqual([[10, 10], [-3, 7], [5, 12]]);
    const created = (await api.get(`/v1/program-events?customer_id=${customer.id}&type=customer.created`)).body.data[0];
    expect([created.sequence, ...events.map((e: { sequence: number }) => e.sequence)]).toEqual([1, 2, 3, 4]);
  });

  it('tries a receiver that fails twice a third time with the same webhook-id, and logs each attempt', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id, secret } = await endpoint(api, receiver, ['points.earned']);
    receiver.answer({ status: 500 }, { status: 502 });
    const before = await deliveredCount('succeeded');
    await api.post('/v1/orders', orderBody());
    await deliver();
    expect(receiver.received).toHaveLength(1);
    const [pending] = await deliveries(api, id);
    expect(pending).toMatchObject({ status: 'pending', attempt_count: 1, next_attempt_at: expect.any(String) });
    const wait = new Date(pending!.next_attempt_at!).getTime() - t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(5000);
    expect(wait).toBeLessThanOrEqual(5500);
    t.clock.advance(6_000);
    await deliver();
    t.clock.advance(400_000);
    await deliver();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((w) => w.headers['webhook-id'])).size).toBe(1);
    for (const w of receiver.received) verified(secret, w);
    const [done] = await deliveries(api, id);
    expect(done).toMatchObject({ status: 'succeeded', attempt_count: 3 });
    expect(done!.attempts.map((a) => a.status)).toEqual([500, 502, 200]);
    expect(done!.attempts[0]!.response).toBe('status 500');
    expect(await deliveredCount('succeeded')).toBe(before + 1);
  });

  it('fails a delivery after the last attempt of the schedule; a retry from the log delivers it again, and a replay sends every failed one since a time', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id } = await endpoint(api, receiver, ['points.earned']);
    receiver.answer({ status: 500 }, { status: 500 }, { status: 500 }, { status: 503 }, { status: 503 }, { status: 503 });
    await api.post('/v1/orders', orderBody({ customer: { email: 'one@example.com' } }));
    await api.post('/v1/orders', orderBody({ customer: { email: 'two@example.com' } }));
    for (const step of [0, 6_000, 400_000]) {
      t.clock.advance(step);
      await deliver();
    }
    const failed = await deliveries(api, id, '&status=failed');
    expect(failed).toHaveLength(2);
    expect(failed.every((d) => d.attempt_count === 3)).toBe(true);
    expect(receiver.received).toHaveLength(6);

    const retried = await api.post(`/v1/webhook-deliveries/${failed[0]!.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('pending');
    await deliver();
    expect(receiver.received).toHaveLength(7);
    expect(receiver.received[6]!.headers['webhook-id']).toBe(failed[0]!.event_id);
    expect((await api.get(`/v1/webhook-deliveries/${failed[0]!.id}`)).body).toMatchObject({ status: 'succeeded', attempt_count: 4 });

    const replay = await api.post(`/v1/webhook-endpoints/${id}/replay`, { since: '2026-08-01T00:00:00Z' });
    expect(replay.body).toMatchObject({ object: 'webhook_replay', requeued: 1 });
    await deliver();
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(failed[1]!.event_id);
    expect(await deliveries(api, id, '&status=failed')).toEqual([]);
  });

  it('signs with both the new and the old secret for 24 hours after a rotation, then with the new one only', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id, secret: old } = await endpoint(api, receiver, ['points.earned']);
    const rotated = await api.post(`/v1/webhook-endpoints/${id}/rotate-secret`);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(old);
    expect(rotated.body.previous_secret_expires_at).toBe('2026-08-02T12:00:00.000Z');
    await api.post('/v1/orders', orderBody());
    await deliver();
    const [both] = receiver.received;
    expect(String(both!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(rotated.body.secret, both!).type).toBe('points.earned');
    expect(verified(old, both!).type).toBe('points.earned');

    t.clock.advance(25 * 3_600_000);
    await api.post('/v1/orders', orderBody());
    await deliver();
    const after = receiver.received[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(rotated.body.secret, after).type).toBe('points.earned');
    expect(() => verified(old, after)).toThrow();
  });

  it('disables an endpoint that answers 410 and announces it to the program’s other endpoints', async () => {
    const api = await t.newProgram();
    const gone = await startWebhookReceiver();
    const watcher = await startWebhookReceiver();
    const { id } = await endpoint(api, gone, ['points.earned']);
    const watching = await endpoint(api, watcher, ['webhook_endpoint.disabled']);
    gone.answer({ status: 410 });
    await api.post('/v1/orders', orderBody());
    await deliver();
    expect((await api.get(`/v1/webhook-endpoints/${id}`)).body).toMatchObject({ status: 'disabled', disabled_reason: 'gone' });
    const [announcement] = ofType(watcher, 'webhook_endpoint.disabled');
    expect(verified(watching.secret, announcement!).data).toEqual({ endpoint_id: id, url: gone.url, reason: 'gone' });
    expect((await deliveries(api, id))[0]).toMatchObject({ status: 'failed', attempt_count: 1 });

    // Disabled, it gets nothing; enabled again, it gets what happens from then on.
    await api.post('/v1/orders', orderBody());
    await deliver();
    expect(gone.received).toHaveLength(1);
    await api.patch(`/v1/webhook-endpoints/${id}`, { status: 'enabled' });
    await api.post('/v1/orders', orderBody());
    await deliver();
    expect(gone.received).toHaveLength(2);
  });

  it('waits as long as a 429’s Retry-After asks, and disables an endpoint after five days of nothing but failures', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id } = await endpoint(api, receiver, ['points.earned']);
    receiver.answer({ status: 429, headers: { 'retry-after': '120' } });
    await api.post('/v1/orders', orderBody());
    await deliver();
    const [throttled] = await deliveries(api, id);
    expect(new Date(throttled!.next_attempt_at!).getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(120_000);

    const long: WebhookSettings = { ...settings, schedule: [86_400, 86_400, 86_400, 86_400, 86_400, 86_400] };
    receiver.answer(...Array.from({ length: 10 }, () => ({ status: 500 })));
    for (let day = 0; day <= 6; day++) {
      await deliver(long);
      t.clock.advance(86_400_000 * 1.2);
    }
    expect((await api.get(`/v1/webhook-endpoints/${id}`)).body).toMatchObject({ status: 'disabled', disabled_reason: 'failing' });
    expect((await api.get('/v1/program-events?type=webhook_endpoint.disabled')).body.data[0]).toMatchObject({ customer_id: null, data: { endpoint_id: id, reason: 'failing' } });
  });

  it('sends a webhook.test event to one endpoint on request', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id, secret } = await endpoint(api, receiver, ['points.earned']);
    const test = await api.post(`/v1/webhook-endpoints/${id}/test`);
    expect(test.status).toBe(202);
    await deliver();
    expect(verified(secret, receiver.received[0]!)).toMatchObject({ type: 'webhook.test', data: { endpoint_id: id } });
  });

  it('refuses, at every attempt, an address the operator has not allowed, after resolving the name', async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { id } = await endpoint(api, receiver, ['points.earned']);
    await api.post('/v1/orders', orderBody());
    await deliver({ allowed: allowedDestinations([]) });
    expect(receiver.received).toHaveLength(0);
    const [refused] = await deliveries(api, id);
    expect(refused!.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/127\.0\.0\.1.*loopback, link-local or private/) });
    await api.patch(`/v1/webhook-endpoints/${id}`, { url: receiver.url.replace('127.0.0.1', 'localhost') });
    t.clock.advance(6_000);
    await deliver({ allowed: allowedDestinations([]) });
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(api, id))[0]!.attempts[1]!.error).toMatch(/localhost resolves to/);
  });

  it('keeps a slow endpoint from holding up another', async () => {
    const api = await t.newProgram();
    const slow = await startWebhookReceiver();
    const quick = await startWebhookReceiver();
    await endpoint(api, slow, ['points.earned']);
    await endpoint(api, quick, ['points.earned']);
    slow.answer('hang');
    const stop = startWebhookLoop(t.deps, settings, () => {}, 50);
    try {
      await api.post('/v1/orders', orderBody());
      await slow.waitFor(1);
      await api.post('/v1/orders', orderBody());
      // The slow endpoint still holds its first request while the quick one gets both (and the slow
      // one its second, sent beside the first: the two reach their receivers in either order).
      await quick.waitFor(2);
      await slow.waitFor(2);
      slow.release();
    } finally {
      await stop();
    }
  });
});

async function deliveredCount(outcome: string): Promise<number> {
  const metric = (await metrics.getMetricsAsJSON()).find((m) => m.name === 'regulars_webhook_deliveries_total');
  return (metric?.values.find((v) => v.labels.outcome === outcome)?.value as number | undefined) ?? 0;
}
