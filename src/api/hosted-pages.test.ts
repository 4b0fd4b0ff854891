import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRETS } from './testing/test-app.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');

async function program() {
  const api = await t.newProgram({ name: 'Coffee Club' });
  const { secret } = (await api.post('/v1/program/widget-secret')).body;
  const friendReward = (await api.post('/v1/rewards', { name: '10% off your first order', type: 'percent_off', percent: 10, points_cost: 1 })).body.id;
  await api.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 500 });
  await api.post('/v1/earning-rules', { name: 'Points on purchases', type: 'points_per_unit', points: 5, unit_amount: 100 });
  await api.patch('/v1/referral-program', { friend_reward_id: friendReward, advocate_points: 200 });
  await api.patch('/v1/program', { store_url: 'https://shop.example/', signup_url: 'https://shop.example/account/register' });
  const { slug, publishable_key } = (await api.get('/v1/program')).body;
  return { api, secret, slug, publishable_key };
}

const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('the hosted pages', () => {
  it('explain the program at /rewards/{slug} in the shopper’s language, without JavaScript', async () => {
    const p = await program();
    const english = await page(`/rewards/${p.slug}`);
    expect(english.statusCode).toBe(200);
    expect(english.headers['content-type']).toContain('text/html');
    expect(english.body).toContain('<html lang="en" dir="ltr">');
    expect(english.body).toContain('Coffee Club rewards');
    expect(english.body).toContain('5 points for every $1.00 spent');
    expect(english.body).toContain('$5 off');
    expect(english.body).toContain('href="https://shop.example/account/register"');
    expect(english.body).toContain(`publishable-key="${p.publishable_key}"`);

    const arabic = await page(`/rewards/${p.slug}`, { 'accept-language': 'ar-EG,ar;q=0.9,en;q=0.5' });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('مكافآت \u2068Coffee Club\u2069'); // the name isolated in the right-to-left sentence
    const chosen = await page(`/rewards/${p.slug}?locale=zh-Hant`, { 'accept-language': 'ar' });
    expect(chosen.body).toContain('<html lang="zh-Hant" dir="ltr">');

    expect((await page('/rewards/no-such-program')).statusCode).toBe(404);
  });

  it('show the merchant’s own texts, escaped, over the built-in ones', async () => {
    const p = await program();
    await p.api.patch('/v1/program', { widget_texts: { en: { 'page.subtitle': 'Beans <script>alert(1)</script> & more' } }, widget_theme: { primary_color: '#ffd400' } });
    const body = (await page(`/rewards/${p.slug}?locale=en`)).body;
    expect(body).toContain('Beans &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(body).not.toContain('<script>alert(1)');
    // A light brand colour gets dark text on it.
    expect(body).toMatch(/--regulars-primary: #ffd400; --regulars-on-primary: #111111;/);
  });

  it('land a friend at /r/{code}: the offer, a visit counted without the address, and the way to the store with the code', async () => {
    const p = await program();
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setAudience('regulars').setIssuedAt(now).setExpirationTime(now + 3600).sign(new TextEncoder().encode(p.secret));
    const me = (url: string) => t.app.inject({ method: 'GET', url: `/storefront/v1${url}`, headers: { 'regulars-publishable-key': p.publishable_key, authorization: `Bearer ${token}` } });
    const referral = await me('/me/referral');
    const { code, link } = referral.json();
    expect(referral.statusCode, referral.body).toBe(200);
    const path = new URL(link).pathname;

    const landing = await page(path, { 'x-forwarded-for': '203.0.113.9' });
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Get 10% off your first order on your first order.');
    expect(landing.body).toContain(`href="https://shop.example/?ref=${code}"`);
    expect(landing.headers['cache-control']).toBe('no-store');
    await page(path.toLowerCase());
    expect((await me('/me/referral')).json().link_visits).toBe(2);

    const visits = await t.db.selectFrom('referral_visits').selectAll().where('code', '=', code).execute();
    expect(visits).toHaveLength(2);
    expect(visits[0]!.ip_hash).toBe(TEST_SECRETS.digest('127.0.0.1'));
    expect(JSON.stringify(visits)).not.toContain('127.0.0.1');

    const unknown = await page('/r/NOSUCHCODE', { 'accept-language': 'fa' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('dir="rtl"');
  });
});
