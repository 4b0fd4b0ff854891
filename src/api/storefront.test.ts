import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');
const SHOP = 'https://shop.example';

interface Storefront {
  api: ApiClient;
  publishableKey: string;
  secret: string;
}

async function storefront(): Promise<Storefront> {
  const api = await t.newProgram({ name: 'Coffee Club' });
  const { secret, publishable_key } = (await api.post('/v1/program/widget-secret')).body;
  await api.patch('/v1/program', { storefront_origins: [SHOP], signup_url: `${SHOP}/account/register`, login_url: `${SHOP}/account/login` });
  return { api, publishableKey: publishable_key, secret };
}

const nowS = () => Math.floor(t.clock.now().getTime() / 1000);
function jwt(secret: string, claims: Record<string, unknown> = {}, options: { alg?: string; lifetime?: number } = {}) {
  const iat = nowS();
  return new SignJWT({ email: 'ada@example.com', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(String(claims.sub ?? 'shopify-77'))
    .setAudience(String(claims.aud ?? 'regulars'))
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetime ?? 3600))
    .sign(new TextEncoder().encode(secret));
}
const hmac = (secret: string, customerId: string, timestamp = nowS()) => `Regulars-HMAC customer_id=${customerId}, timestamp=${timestamp}, signature=${createHmac('sha256', secret).update(`${customerId}:${timestamp}`).digest('hex')}`;

function call(s: Storefront, method: 'GET' | 'POST' | 'OPTIONS', url: string, options: { token?: string; body?: unknown; origin?: string; key?: string } = {}) {
  return t.app.inject({
    method,
    url: `/storefront/v1${url}`,
    payload: options.body as object | undefined,
    headers: {
      ...(options.key !== '' ? { 'regulars-publishable-key': options.key ?? s.publishableKey } : {}),
      ...(options.token ? { authorization: options.token.startsWith('Regulars-HMAC') ? options.token : `Bearer ${options.token}` } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    },
  });
}

describe('the storefront API', () => {
  it('the dashboard mints a test customer token that the storefront takes; no widget secret, no token', async () => {
    const bare = await t.newProgram();
    expect((await bare.post('/v1/program/test-customer-token', { external_id: 'test-1' })).body.error.code).toBe('widget_secret_missing');
    const s = await storefront();
    const minted = await s.api.post('/v1/program/test-customer-token', { external_id: 'test-1', email: 'test@example.com' });
    expect(minted.status).toBe(201);
    expect(new Date(minted.body.expires_at).getTime() - t.clock.now().getTime()).toBe(3600_000);
    expect((await call(s, 'GET', '/me', { token: minted.body.token })).json()).toMatchObject({ object: 'shopper', email: 'test@example.com' });
    expect((await s.api.post('/v1/program/test-customer-token', { external_id: '' })).status).toBe(400);
  });

  it('shows a guest the program, names the shopper from a signed token, and refuses forged, expired or over-long ones', async () => {
    const s = await storefront();
    await s.api.post('/v1/earning-rules', { name: 'Follow us', type: 'action', event_type: 'social_follow', network: 'instagram', points: 25, limit: { count: 1, period: 'lifetime' } });
    const program = await call(s, 'GET', '/program');
    expect(program.statusCode).toBe(200);
    expect(program.json()).toMatchObject({ object: 'storefront_program', name: 'Coffee Club', currency: 'USD', signup_url: `${SHOP}/account/register` });
    expect(program.json().ways_to_earn.find((w: { event_type: string }) => w.event_type === 'social_follow')).toMatchObject({ points: 25, claimable: true, network: 'instagram' });
    expect((await call(s, 'GET', '/program', { key: '' })).json().error.code).toBe('missing_publishable_key');
    expect((await call(s, 'GET', '/program', { key: 'pk_nope' })).json().error.code).toBe('invalid_publishable_key');
    expect((await call(s, 'GET', '/me')).json().error).toMatchObject({ type: 'authentication', code: 'customer_token_required' });

    const me = await call(s, 'GET', '/me', { token: await jwt(s.secret) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ object: 'shopper', email: 'ada@example.com', points_balance: 0, tier: null });
    expect((await call(s, 'GET', '/me', { token: hmac(s.secret, 'shopify-77') })).json().customer_id).toBe(me.json().customer_id);

    const refused = async (token: string) => (await call(s, 'GET', '/me', { token })).json().error;
    expect(await refused(await jwt('not-the-secret'))).toMatchObject({ code: 'invalid_customer_token', message: expect.stringContaining('not signed') });
    expect(await refused(await jwt(s.secret, { aud: 'api.smile.io' }))).toMatchObject({ code: 'invalid_customer_token' });
    expect(await refused(await jwt(s.secret, {}, { lifetime: 2 * 86_400 }))).toMatchObject({ message: expect.stringContaining('longer than 24 hours') });
    expect(await refused(await jwt(s.secret, {}, { alg: 'HS512' }))).toMatchObject({ message: expect.stringContaining('HS256') });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'shopify-77', aud: 'regulars', iat: nowS(), exp: nowS() + 60 })).toString('base64url')}.`;
    expect(await refused(unsigned)).toMatchObject({ code: 'invalid_customer_token' });
    expect(await refused(hmac(s.secret, 'shopify-77', nowS() - 2 * 86_400))).toMatchObject({ message: expect.stringContaining('expired') });
    expect(await refused(hmac('forged', 'shopify-77'))).toMatchObject({ code: 'invalid_customer_token' });
    const expiring = await jwt(s.secret, {}, { lifetime: 60 });
    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    expect(await refused(expiring)).toMatchObject({ message: expect.stringContaining('expired') });
  });

  it('redeems, claims actions and refers for the signed-in shopper only', async () => {
    const s = await storefront();
    await s.api.post('/v1/earning-rules', { name: 'Follow us', type: 'action', event_type: 'social_follow', network: 'instagram', points: 25, limit: { count: 1, period: 'lifetime' } });
    const reward = (await s.api.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 100 })).body.id;
    const token = await jwt(s.secret, { sub: 'cust-1', email: 'one@example.com' });
    const customer = (await call(s, 'GET', '/me', { token })).json().customer_id;
    await s.api.post(`/v1/customers/${customer}/adjustments`, { points: 150, reason: 'welcome' });
    const other = await jwt(s.secret, { sub: 'cust-2', email: 'two@example.com' });

    const redeemed = await call(s, 'POST', '/me/redemptions', { token, body: { reward_id: reward } });
    expect(redeemed.statusCode).toBe(201);
    expect(redeemed.json()).toMatchObject({ object: 'redemption', points: 100, points_balance: 50, code: expect.stringMatching(/^[A-Z0-9]{10}$/) });
    expect((await call(s, 'GET', '/me', { token })).json()).toMatchObject({ points_balance: 50, points_reserved: 100, codes: [{ code: redeemed.json().code }] });
    expect((await call(s, 'GET', '/me', { token: other })).json()).toMatchObject({ points_balance: 0, codes: [] });
    expect((await call(s, 'POST', '/me/redemptions', { token, body: { reward_id: reward } })).json().error.code).toBe('insufficient_points');

    const follow = { type: 'social_follow', network: 'instagram' };
    expect((await call(s, 'POST', '/me/actions', { token, body: follow })).json()).toMatchObject({ points_awarded: 25 });
    expect((await call(s, 'POST', '/me/actions', { token, body: follow })).json()).toMatchObject({ points_awarded: 0 });
    expect((await call(s, 'POST', '/me/actions', { token, body: { type: 'birthday', birthday: '1990-05-17' } })).statusCode).toBe(200);
    expect((await call(s, 'POST', '/me/actions', { token, body: { type: 'birthday', birthday: '1990-05-18' } })).json().error.code).toBe('birthday_already_set');
    expect((await call(s, 'POST', '/me/actions', { token, body: { type: 'signup' } })).statusCode).toBe(400);
    const activity = (await call(s, 'GET', '/me/activity', { token })).json().data.map((a: { code: string; points: number }) => [a.code, a.points]);
    expect(activity).toEqual([['earn.action', 25], ['redeem.reserve', -100], ['adjust.manual', 150]]);

    const referral = (await call(s, 'GET', '/me/referral', { token })).json();
    expect(referral.link).toMatch(new RegExp(`/r/${referral.code}$`));
    expect((await call(s, 'POST', '/referrals', { body: { code: referral.code, email: 'friend@example.com' } })).statusCode).toBe(201);
    expect((await call(s, 'GET', '/me/referral', { token })).json().friends_referred).toBe(1);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('shows the shopper’s pending points, expiry, stamp card, membership and what an order earned', async () => {
    const s = await storefront();
    await s.api.patch('/v1/program', { expiry_policy: 'fixed', expiry_days: 365 });
    await s.api.post('/v1/earning-rules', { name: 'Order bonus, held', type: 'fixed_per_order', points: 5, hold_days: 14 });
    const reward = (await s.api.post('/v1/rewards', { name: 'Free coffee', type: 'free_product', product_id: 'coffee', points_cost: 500 })).body.id;
    const card = await s.api.post('/v1/stamp-cards', { name: 'Coffee card', stamps_required: 3, per: 'order', reward_id: reward });
    expect(card.status, JSON.stringify(card.body)).toBe(201);
    const plan = (await s.api.post('/v1/membership-plans', { name: 'Club+', price: 900, interval: 'month', join_url: `${SHOP}/products/club` })).body.id;
    const token = await jwt(s.secret, { sub: 'full-1' });
    expect((await call(s, 'GET', '/me', { token })).json()).toMatchObject({ points_pending: 0, pending: [], stamp_cards: [{ stamps: 0 }], memberships: [] });
    await s.api.post('/v1/orders', orderBody({ external_id: 'A-1001', customer: { external_id: 'full-1' } }));
    await s.api.post('/v1/memberships', { customer: { external_id: 'full-1' }, plan_id: plan, external_id: 'sub_9', status: 'active', current_period_start: '2026-03-01T00:00:00Z', current_period_end: '2026-04-01T00:00:00Z' });

    const me = (await call(s, 'GET', '/me', { token })).json();
    expect(me).toMatchObject({ points_balance: 54, points_pending: 5, pending: [{ points: 5, available_at: new Date(t.clock.now().getTime() + 14 * 86_400_000).toISOString() }], stamp_cards: [{ name: 'Coffee card', stamps: 1, stamps_required: 3 }], memberships: [{ plan_id: plan, benefits_active: true }] });
    expect(me.points_expiry.next).toMatchObject({ points: 54, expires_at: new Date(t.clock.now().getTime() + 365 * 86_400_000).toISOString() });
    expect((await call(s, 'GET', '/program')).json().membership_plans).toMatchObject([{ name: 'Club+', join_url: `${SHOP}/products/club` }]);
    expect((await call(s, 'GET', '/me/orders/A-1001', { token })).json()).toMatchObject({ object: 'shopper_order', order_id: 'A-1001', points_earned: 59, points_pending: 5 });
    expect((await call(s, 'GET', '/me/orders/A-1001', { token: await jwt(s.secret, { sub: 'someone-else', email: 'else@example.com' }) })).statusCode).toBe(404);
  });

  it('lets only the program’s origins read its answers in a browser', async () => {
    const s = await storefront();
    const allowed = await call(s, 'GET', '/program', { origin: SHOP });
    expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
    const other = await call(s, 'GET', '/program', { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/storefront/v1/me', headers: { origin: SHOP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'regulars-publishable-key,authorization' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Regulars-Publishable-Key');
  });

  it('keeps the previous widget secret valid for a day after a rotation', async () => {
    const s = await storefront();
    const old = await jwt(s.secret);
    const rotated = (await s.api.post('/v1/program/widget-secret')).body;
    expect(rotated.previous_valid_until).not.toBeNull();
    expect((await call(s, 'GET', '/me', { token: old })).statusCode).toBe(200);
    expect((await call(s, 'GET', '/me', { token: await jwt(rotated.secret) })).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 25 * 3_600_000));
    await t.app.inject({ method: 'PATCH', url: '/v1/program', payload: {}, headers: { authorization: `Bearer ${s.api.key}` } }); // drops the key cache
    expect((await call(s, 'GET', '/me', { token: hmac(s.secret, 'shopify-77') })).json().error.code).toBe('invalid_customer_token');
  });
});
