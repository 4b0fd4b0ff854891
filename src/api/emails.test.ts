import type { ParsedMail } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';
import { smtpTransport } from '../platform/email/mail-transport.ts';
import { announceExpiringPoints } from '../workflows/points-expiry.ts';
import { deliverDueEmails, type MailSettings } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');
const smtp = await startSmtpReceiver();
const mail: MailSettings = { transport: smtpTransport(smtp.url), from: 'Regulars <no-reply@regulars.test>', publicUrl: 'https://loyalty.example', retrySeconds: [60, 300] };

beforeEach(() => {
  t.clock.set('2026-08-01T12:00:00Z');
  smtp.mails.length = 0;
});

/** One pass of the email sweep, as the loop runs it: queue what is due, deliver what can go. */
async function sweep(): Promise<void> {
  await queueDueEmails(t.deps);
  while ((await deliverDueEmails(t.deps, mail)) > 0);
}

async function program(settings: Record<string, unknown> = {}): Promise<ApiClient> {
  const api = await t.newProgram({ name: 'Demo Coffee' });
  await api.patch('/v1/program', { store_url: 'https://shop.example', email_from: 'Demo Coffee <rewards@shop.example>', email_postal_address: '1 Roast Street, Portland', ...settings });
  return api;
}

const messages = async (api: ApiClient, query = '') => (await api.get(`/v1/email-messages?limit=100${query}`)).body.data as { id: string; flow: string; template: string; status: string; reason: string | null; send_after: string; customer_id: string }[];
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

describe('lifecycle emails through a real SMTP server', () => {
  it('welcomes a new member: From, one-click unsubscribe headers, HTML and text with the variables filled; the series is queued and stops at an order', async () => {
    const api = await program();
    const customer = (await api.post('/v1/customers', { email: 'sam@example.com', first_name: 'Sam', marketing_consent: true })).body;
    await sweep();
    const [welcome] = await smtp.received(1);
    expect(smtp.mails).toHaveLength(1);
    expect(welcome!.from?.value[0]).toMatchObject({ name: 'Demo Coffee', address: 'rewards@shop.example' });
    expect(to(welcome!)).toBe('sam@example.com');
    expect(header(welcome!, 'list-unsubscribe')).toMatch(/^<https:\/\/loyalty\.example\/u\/[\w-]+\.[0-9a-f]{32}>$/);
    expect(header(welcome!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(welcome!.html).toContain('Sam');
    expect(welcome!.html).toContain('Demo Coffee');
    expect(welcome!.html).toContain('1 Roast Street, Portland');
    expect(welcome!.html).toContain('dir="ltr"');
    expect(welcome!.text).toContain('Sam');
    expect(welcome!.text).toContain('https://loyalty.example/u/');
    expect(welcome!.html).not.toMatch(/\{\{|\{%/);

    const queued = await messages(api, `&customer_id=${customer.id}`);
    expect(queued.map((m) => [m.template, m.status]).sort()).toEqual([['welcome', 'sent'], ['welcome.2', 'queued'], ['welcome.3', 'queued']]);
    expect(queued.find((m) => m.template === 'welcome.2')!.send_after).toBe('2026-08-03T12:00:00.000Z');
    // An order ends the series: its later steps are cancelled, the post-purchase email comes instead.
    t.clock.set('2026-08-02T09:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { email: 'sam@example.com' }, placed_at: t.clock.now().toISOString() }));
    await sweep();
    const after = await messages(api, `&customer_id=${customer.id}`);
    expect(after.filter((m) => m.flow === 'welcome').map((m) => m.status).sort()).toEqual(['cancelled', 'cancelled', 'sent']);
    expect(after.find((m) => m.flow === 'post_purchase')).toMatchObject({ status: 'queued' });
  });

  it('welcomes those who join, not a customer list an import brings over', async () => {
    const api = await program();
    const imported = await api.post('/v1/imports/customers', { csv: 'customer_id,email,marketing_consent\n501,moved@example.com,yes' });
    expect(imported.body).toMatchObject({ created: 1 });
    await api.post('/v1/customers', { email: 'joined@example.com', marketing_consent: true });
    await sweep();
    const welcomed = smtp.mails.filter((m) => ['moved@example.com', 'joined@example.com'].includes(to(m) ?? '')).map(to);
    expect(welcomed).toEqual(['joined@example.com']);
  });

  it('writes to an Arabic customer right to left, in Arabic; a Persian one in Persian', async () => {
    const api = await program();
    await api.post('/v1/customers', { email: 'layla@example.com', first_name: 'ليلى', marketing_consent: true, locale: 'ar' });
    await api.post('/v1/customers', { email: 'dara@example.com', first_name: 'دارا', marketing_consent: true, locale: 'fa', time_zone: 'Asia/Tehran' });
    await sweep();
    const mails = await smtp.received(2);
    const arabic = mails.find((m) => to(m) === 'layla@example.com')!;
    expect(arabic.html).toContain('dir="rtl"');
    expect(arabic.html).toContain('lang="ar"');
    expect(arabic.html).toContain('ليلى');
    expect(arabic.text).toMatch(/[\u0600-\u06ff]{3}/);
    expect(mails.find((m) => to(m) === 'dara@example.com')!.html).toContain('lang="fa"');
    expect((await api.post('/v1/customers', { email: 'x@example.com', time_zone: 'Mars/Olympus' })).body.error).toMatchObject({ param: 'time_zone' });
  });

  it('a birthday sweep and an expiring-points sweep run twice send once; transactional mail needs no marketing consent', async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_days: 30, expiry_warning_days: 7, email_frequency_cap_hours: 0 });
    await api.post('/v1/customers', { email: 'bday@example.com', first_name: 'Bea', birthday: '1990-08-01', marketing_consent: true });
    const order = (await api.post('/v1/orders', orderBody({ customer: { email: 'quiet@example.com' }, placed_at: t.clock.now().toISOString() }))).body;
    await sweep();
    await sweep();
    expect(smtp.mails.map((m) => to(m)).filter((a) => a === 'bday@example.com')).toHaveLength(2); // welcome and birthday
    expect((await messages(api)).filter((m) => m.flow === 'birthday')).toHaveLength(1);
    // quiet@ never consented: the marketing emails about their order are not sent, with the reason.
    expect((await messages(api, `&customer_id=${order.customer_id}`)).map((m) => [m.flow, m.status, m.reason])).toContainEqual(['welcome', 'suppressed', 'no_marketing_consent']);

    t.clock.set('2026-08-25T12:00:00Z');
    await announceExpiringPoints(t.db, t.clock.now());
    await announceExpiringPoints(t.db, t.clock.now());
    await sweep();
    await sweep();
    const expiring = smtp.mails.filter((m) => to(m) === 'quiet@example.com');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]!.html).toContain('August 31, 2026');
    expect(header(expiring[0]!, 'list-unsubscribe')).toBeUndefined();
    // The last chance, three days before, is queued once too.
    const steps = (await messages(api, `&customer_id=${order.customer_id}&flow=points_expiring`)).map((m) => [m.template, m.status, m.send_after]).sort();
    expect(steps).toEqual([['points_expiring', 'sent', '2026-08-25T12:00:00.000Z'], ['points_expiring.2', 'queued', '2026-08-28T12:00:00.000Z']]);
  });

  it('one-click unsubscribe stops marketing at once while transactional mail still goes; GET only shows the page', async () => {
    const api = await program();
    const customer = (await api.post('/v1/customers', { email: 'ada@example.com', first_name: 'Ada', marketing_consent: true })).body;
    await sweep();
    const link = header((await smtp.received(1))[0]!, 'list-unsubscribe')!.slice(1, -1);
    const path = new URL(link).pathname;

    const page = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('ada@example.com');
    expect((await api.get(`/v1/customers/${customer.id}`)).body.marketing_consent).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `${path.slice(0, -4)}0000` })).statusCode).toBe(404);

    const oneClick = await t.app.inject({ method: 'POST', url: path, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.statusCode).toBe(200);
    expect((await api.get(`/v1/customers/${customer.id}`)).body.marketing_consent).toBe(false);

    await api.post('/v1/customers', { id: customer.id, email: 'ada@example.com' });
    await api.patch('/v1/email-flows/post_purchase', { delay_minutes: 0 });
    const reward = (await api.post('/v1/rewards', { name: '$1 off', type: 'amount_off', amount: 100, points_cost: 10 })).body;
    await api.post('/v1/orders', orderBody({ customer: { email: 'ada@example.com' }, placed_at: t.clock.now().toISOString() }));
    await api.post(`/v1/customers/${customer.id}/redemptions`, { reward_id: reward.id });
    smtp.mails.length = 0;
    await sweep();
    const mine = await messages(api, `&customer_id=${customer.id}`);
    expect(mine.find((m) => m.flow === 'post_purchase')).toMatchObject({ status: 'suppressed', reason: 'no_marketing_consent' });
    expect(mine.find((m) => m.flow === 'reward_redeemed')).toMatchObject({ status: 'sent' });
    const [code] = await smtp.received(1);
    expect(smtp.mails).toHaveLength(1);
    expect(code!.subject).toBeTruthy();
    const redemption = (await api.get(`/v1/customers/${customer.id}/redemptions`)).body.data[0];
    expect(code!.text).toContain(redemption.code);
  });

  it('the frequency cap and quiet hours defer marketing mail, to the hour they end', async () => {
    const api = await program();
    await api.patch('/v1/email-flows/post_purchase', { delay_minutes: 0 });
    // 12:00 UTC is 21:00 in Tokyo: inside the default quiet hours (21:00–08:00), until 08:00 there.
    const tokyo = (await api.post('/v1/customers', { email: 'kenji@example.com', marketing_consent: true, time_zone: 'Asia/Tokyo' })).body;
    await sweep();
    expect((await messages(api, `&customer_id=${tokyo.id}&flow=welcome`)).find((m) => m.template === 'welcome')).toMatchObject({ status: 'deferred', reason: 'quiet_hours', send_after: '2026-08-01T23:00:00.000Z' });
    expect(smtp.mails).toHaveLength(0);
    t.clock.set('2026-08-01T23:00:00Z');
    await sweep();
    expect(smtp.mails.map(to)).toEqual(['kenji@example.com']);

    // A second marketing email within 16 hours waits for the cap.
    t.clock.set('2026-08-02T01:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { email: 'kenji@example.com' }, placed_at: t.clock.now().toISOString() }));
    await sweep();
    expect((await messages(api, `&customer_id=${tokyo.id}&flow=post_purchase`))[0]).toMatchObject({ status: 'deferred', reason: 'frequency_cap', send_after: '2026-08-02T15:00:00.000Z' });
    expect(smtp.mails).toHaveLength(1);
    // No quiet hours, no cap: it goes.
    await api.patch('/v1/program', { email_quiet_hours: null, email_frequency_cap_hours: 0 });
    t.clock.set('2026-08-02T15:00:00Z');
    await sweep();
    expect(smtp.mails).toHaveLength(2);
  });

  it('retries a send the server refuses for now (4xx), and stops writing to an address it rejects (5xx)', async () => {
    const api = await program();
    smtp.refuse('busy@example.com', 451, 1);
    smtp.refuse('gone@example.com', 550);
    await api.post('/v1/customers', { email: 'busy@example.com', marketing_consent: true });
    const gone = (await api.post('/v1/customers', { email: 'gone@example.com', marketing_consent: true })).body;
    await sweep();
    const first = await messages(api);
    expect(first.find((m) => m.template === 'welcome' && m.customer_id !== gone.id)).toMatchObject({ status: 'deferred', reason: 'smtp_temporary_failure' });
    expect(first.find((m) => m.template === 'welcome' && m.customer_id === gone.id)).toMatchObject({ status: 'failed', reason: 'rejected' });
    expect((await api.get('/v1/email-suppressions')).body.data).toMatchObject([{ email: 'gone@example.com', reason: 'bounced' }]);
    t.clock.set('2026-08-01T12:01:01Z');
    await sweep();
    expect(smtp.mails.map(to)).toEqual(['busy@example.com']);

    // The suppressed address gets nothing more, transactional or not, until the merchant lifts it.
    const reward = (await api.post('/v1/rewards', { name: '$1 off', type: 'amount_off', amount: 100, points_cost: 10 })).body;
    await api.post(`/v1/customers/${gone.id}/adjustments`, { points: 10, reason: 'goodwill' });
    expect((await api.post(`/v1/customers/${gone.id}/redemptions`, { reward_id: reward.id })).status).toBe(201);
    await sweep();
    expect((await messages(api, `&customer_id=${gone.id}&flow=reward_redeemed`))[0]).toMatchObject({ status: 'suppressed', reason: 'suppressed_address' });
    expect((await api.delete('/v1/email-suppressions/gone@example.com')).body).toMatchObject({ deleted: true });
    expect((await api.delete('/v1/email-suppressions/gone@example.com')).status).toBe(404);
  });
});

describe('tier emails', () => {
  it('congratulates on a new tier with what the next one still needs', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.post('/v1/tiers', { name: 'Silver', threshold: 100 });
    await api.post('/v1/tiers', { name: 'Gold', threshold: 1000 });
    await api.post('/v1/customers', { email: 'climber@example.com', marketing_consent: true });
    await api.post('/v1/orders', orderBody({ customer: { email: 'climber@example.com' }, placed_at: t.clock.now().toISOString(), subtotal: 20000, total: 20000 }));
    const customer = (await api.get('/v1/customers?email=climber@example.com')).body.data[0];
    expect(customer.tier_id).not.toBeNull();
    await sweep();
    const mail = smtp.mails.find((m) => to(m) === 'climber@example.com' && /Silver/.test(m.html || ''))!;
    expect(mail).toBeDefined();
    const needed = (1000 - customer.points_earned_lifetime).toLocaleString('en');
    expect(mail.text).toContain('Gold');
    expect(mail.text).toContain(needed);
  });
});

describe('two instances at once', () => {
  it('send each message once when their sweeps run side by side', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    for (let i = 0; i < 12; i++) await api.post('/v1/customers', { email: `twin${i}@example.com`, marketing_consent: true });
    await Promise.all([sweep(), sweep(), sweep()]);
    const twins = smtp.mails.filter((m) => /^twin\d+@/.test(to(m) ?? ''));
    expect(twins).toHaveLength(12);
    expect(new Set(twins.map(to)).size).toBe(12);
  });
});

describe('replenishment', () => {
  it('is due at 78% of the product’s lifespan after the last purchase of it, and not for a customer who bought it again', async () => {
    const api = await program({ email_frequency_cap_hours: 0, email_quiet_hours: null });
    for (const flow of ['welcome', 'post_purchase', 'review_request', 'recommendations']) await api.patch(`/v1/email-flows/${flow}`, { enabled: false });
    expect((await api.patch('/v1/products/beans', { lifespan_days: 50 })).body).toMatchObject({ object: 'product', product_id: 'beans', lifespan_days: 50 });
    expect((await api.patch('/v1/products/beans', { lifespan_days: 0 })).body.error).toMatchObject({ param: 'lifespan_days' });
    const beans = [{ product_id: 'beans', title: 'Morning Roast', quantity: 1, unit_price: 5000 }];
    const buy = (email: string) => api.post('/v1/orders', orderBody({ customer: { email }, placed_at: t.clock.now().toISOString(), line_items: beans }));
    for (const email of ['once@example.com', 'again@example.com']) await api.post('/v1/customers', { email, marketing_consent: true });
    await buy('once@example.com');
    await buy('again@example.com');
    t.clock.set('2026-08-20T12:00:00Z');
    await buy('again@example.com');

    // 78% of 50 days is 39 days: 2026-09-09 at noon for the first, 2026-09-28 for the one who bought again.
    const replenishments = async () => (await messages(api, '&flow=replenishment')).filter((m) => m.template === 'replenishment');
    t.clock.set('2026-09-09T11:00:00Z');
    await sweep();
    expect(await replenishments()).toEqual([]);
    t.clock.set('2026-09-09T13:00:00Z');
    await sweep();
    expect((await replenishments()).map((m) => [m.status, m.send_after])).toEqual([['sent', '2026-09-09T12:00:00.000Z']]);
    // Other tests' programs share the server: only this program's customers count here.
    const mine = () => smtp.mails.filter((m) => ['once@example.com', 'again@example.com'].includes(to(m) ?? ''));
    expect(mine().map(to)).toEqual(['once@example.com']);
    expect(mine()[0]!.html).toContain('Morning Roast');
    await sweep();
    expect(mine()).toHaveLength(1);
    t.clock.set('2026-09-28T13:00:00Z');
    await sweep();
    expect(mine().map(to)).toEqual(['once@example.com', 'again@example.com']);
  });
});

describe('reward available', () => {
  it('tells a customer whose points now buy a reward which one, once', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.patch('/v1/email-flows/welcome', { enabled: false });
    await api.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 500 });
    await api.post('/v1/rewards', { name: '$20 off', type: 'amount_off', amount: 2000, points_cost: 2000 });
    const customer = (await api.post('/v1/customers', { email: 'rich@example.com', first_name: 'Rae', marketing_consent: true })).body;
    await sweep();
    expect((await messages(api, `&customer_id=${customer.id}`))).toEqual([]);
    await api.post(`/v1/customers/${customer.id}/adjustments`, { points: 700, reason: 'welcome gift' });
    await sweep();
    await sweep();
    const sent = (await messages(api, `&customer_id=${customer.id}&flow=reward_available`));
    expect(sent.map((m) => m.status)).toEqual(['sent']);
    const mail = smtp.mails.find((m) => to(m) === 'rich@example.com')!;
    expect(mail.html).toContain('$5 off');
  });
});

describe('the flows’ reports, audiences and calendar', () => {
  it('counts each flow’s sends, the unsubscribes after its emails, and the orders and revenue within a week after them', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.post('/v1/customers', { email: 'ann@example.com', marketing_consent: true });
    await api.post('/v1/customers', { email: 'bob@example.com', marketing_consent: true });
    await sweep();
    const link = (m: ParsedMail) => new URL(header(m, 'list-unsubscribe')!.slice(1, -1)).pathname;
    const bobs = (await smtp.received(2)).find((m) => to(m) === 'bob@example.com')!;
    await t.app.inject({ method: 'POST', url: link(bobs), payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    t.clock.set('2026-08-04T12:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { email: 'ann@example.com' }, placed_at: t.clock.now().toISOString(), total: 4200, subtotal: 4200 }));
    t.clock.set('2026-08-20T12:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { email: 'ann@example.com' }, placed_at: t.clock.now().toISOString() }));
    const report = (await api.get('/v1/email-reports?from=2026-08-01&to=2026-09-01')).body;
    expect(report).toMatchObject({ object: 'email_report', attribution_days: 7 });
    const welcome = report.flows.find((f: { flow: string }) => f.flow === 'welcome');
    expect(welcome).toMatchObject({ sent: 2, unsubscribes: 1, orders: 1, revenue: 4200 });
    expect((await api.get('/v1/email-reports?from=2026-09-01&to=2026-08-01')).body.error).toMatchObject({ param: 'to' });
  });

  it('tracks links only when the merchant turns it on, and redirects only where an email pointed', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.post('/v1/customers', { email: 'plain@example.com', marketing_consent: true });
    await sweep();
    expect((await smtp.received(1)).find((m) => to(m) === 'plain@example.com')!.html).not.toContain('loyalty.example/c?');
    expect((await api.patch('/v1/program', { email_link_tracking: true })).body.email_link_tracking).toBe(true);
    await api.post('/v1/customers', { email: 'tracked@example.com', marketing_consent: true });
    await sweep();
    const tracked = smtp.mails.find((m) => to(m) === 'tracked@example.com')!;
    expect(tracked.html).toContain('https://loyalty.example/u/');
    const links = [...(tracked.html as string).matchAll(/href="https:\/\/loyalty\.example(\/c\?t=[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    const followed = await t.app.inject({ method: 'GET', url: links.at(-1)! });
    expect(followed.statusCode).toBe(302);
    expect(String(followed.headers.location)).toMatch(/^https:\/\/shop\.example/);
    expect((await t.app.inject({ method: 'GET', url: `${links.at(-1)!.slice(0, -3)}abc` })).statusCode).toBe(404);
    const report = (await api.get('/v1/email-reports?from=2026-08-01&to=2026-09-01')).body;
    expect(report.flows.find((f: { flow: string }) => f.flow === 'welcome').clicks).toBe(1);
  });

  it('gives an order that used an emailed code to that email, even weeks later', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.patch('/v1/email-flows/welcome', { enabled: false });
    const customer = (await api.post('/v1/customers', { email: 'coder@example.com', marketing_consent: true })).body;
    const reward = (await api.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 10 })).body;
    await api.post(`/v1/customers/${customer.id}/adjustments`, { points: 10, reason: 'goodwill' });
    const code = (await api.post(`/v1/customers/${customer.id}/redemptions`, { reward_id: reward.id })).body.code as string;
    await sweep();
    t.clock.set('2026-08-25T12:00:00Z');
    const order = await api.post('/v1/orders', orderBody({ customer: { email: 'coder@example.com' }, placed_at: t.clock.now().toISOString(), subtotal: 3000, total: 2500, discount: 500, discount_codes: [code] }));
    expect(order.status).toBe(201);
    const report = (await api.get('/v1/email-reports?from=2026-08-01&to=2026-09-01')).body;
    expect(report.flows.find((f: { flow: string }) => f.flow === 'reward_redeemed')).toMatchObject({ sent: 1, orders: 1, revenue: 2500 });
  });

  it('writes only to the audience a flow names (tier, segment, stage, balance)', async () => {
    const api = await program();
    await api.patch('/v1/email-flows/welcome', { conditions: { min_balance: 100 } });
    const poor = (await api.post('/v1/customers', { email: 'poor@example.com', marketing_consent: true })).body;
    await sweep();
    expect((await messages(api, `&customer_id=${poor.id}&flow=welcome`)).find((m) => m.template === 'welcome')).toMatchObject({ status: 'cancelled', reason: 'conditions_not_met' });
    expect((await api.patch('/v1/email-flows/welcome', { conditions: { stages: ['sleepy'] } })).body.error).toBeDefined();
    expect((await api.patch('/v1/email-flows/welcome', { conditions: { stages: ['new'], segments: ['champions'] } })).body.conditions).toEqual({ stages: ['new'], segments: ['champions'] });
  });

  it('sends the monthly summary on the 1st once, when it is on, and personal picks every three weeks', async () => {
    const api = await program({ email_frequency_cap_hours: 0, email_quiet_hours: null });
    for (const flow of ['welcome', 'post_purchase', 'review_request', 'reward_available']) await api.patch(`/v1/email-flows/${flow}`, { enabled: false });
    await api.patch('/v1/email-flows/points_summary', { enabled: true });
    const buyer = (await api.post('/v1/customers', { email: 'monthly@example.com', marketing_consent: true, external_id: 'shop-7' })).body;
    await api.post('/v1/orders', orderBody({ customer: { email: 'monthly@example.com' }, placed_at: t.clock.now().toISOString() }));
    t.clock.set('2026-08-15T12:00:00Z');
    await sweep();
    expect(await messages(api, `&customer_id=${buyer.id}&flow=points_summary`)).toEqual([]);
    expect((await messages(api, `&customer_id=${buyer.id}&flow=recommendations`)).map((m) => m.status)).toEqual(['sent']);
    t.clock.set('2026-09-01T12:00:00Z');
    await sweep();
    await sweep();
    expect((await messages(api, `&customer_id=${buyer.id}&flow=points_summary`)).map((m) => m.status)).toEqual(['sent']);
    // The next picks come three weeks on, not before.
    t.clock.set('2026-09-03T12:00:00Z');
    await sweep();
    expect(await messages(api, `&customer_id=${buyer.id}&flow=recommendations`)).toHaveLength(1);
  });

  it('tells a guest (an order with no store account) that its points wait for an account', async () => {
    const api = await program({ email_frequency_cap_hours: 0 });
    await api.patch('/v1/email-flows/guest_claim', { delay_minutes: 0 });
    const order = (await api.post('/v1/orders', orderBody({ customer: { email: 'guest@example.com' }, placed_at: t.clock.now().toISOString() }))).body;
    await api.post('/v1/customers', { email: 'guest@example.com', marketing_consent: true });
    await sweep();
    expect((await messages(api, `&customer_id=${order.customer_id}&flow=guest_claim`)).map((m) => m.status)).toEqual(['sent']);
  });
});

describe('flows and templates through the API', () => {
  it('lists the flows with their defaults, changes one, and refuses what is not a flow or a setting', async () => {
    const api = await program();
    const flows = (await api.get('/v1/email-flows')).body.data as { flow: string; enabled: boolean; category: string }[];
    expect(flows.map((f) => f.flow)).toContain('replenishment');
    expect(flows.filter((f) => !f.enabled).map((f) => f.flow)).toEqual(['points_summary', 'survey']);
    expect(flows.find((f) => f.flow === 'reward_redeemed')!.category).toBe('transactional');
    expect((await api.patch('/v1/email-flows/welcome', { enabled: false, delay_minutes: 30 })).body).toMatchObject({ flow: 'welcome', enabled: false, delay_minutes: 30 });
    expect((await api.get('/v1/email-flows/welcome')).body.enabled).toBe(false);
    expect((await api.get('/v1/email-flows/newsletter')).status).toBe(404);
    expect((await api.patch('/v1/email-flows/welcome', { delay_minutes: -1 })).body.error).toMatchObject({ param: 'delay_minutes' });
    expect((await api.patch('/v1/email-flows/welcome', { reward_id: 'rwd_nope' })).body.error).toMatchObject({ param: 'reward_id' });
    await api.post('/v1/customers', { email: 'off@example.com', marketing_consent: true });
    await sweep();
    expect((await messages(api)).filter((m) => m.flow === 'welcome')).toEqual([]);
  });

  it('saves a merchant’s template, refuses one that does not parse with its line, previews it for a customer, and resets it', async () => {
    const api = await program();
    const customer = (await api.post('/v1/customers', { email: 'noor@example.com', first_name: 'Noor' })).body;
    const bad = await api.put('/v1/email-templates/welcome/en', { subject: 'Hi', preheader: '', heading: 'Hello', body: 'Hi {{ customer.first_name }}\n\n{% if points.balance %}\nYour balance', button: 'Shop' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'template_invalid', param: 'body' });
    expect(bad.body.error.message).toMatch(/line 3/);
    expect((await api.get('/v1/email-templates/welcome/en')).body.customized).toBe(false);

    const own = { subject: 'Welcome, {{ customer.first_name }}!', preheader: 'Your points start now', heading: 'Hello {{ customer.first_name }}', body: 'You have {{ points.balance }} points.\n\n<strong>Shop</strong> to earn more.', button: 'Shop now' };
    expect((await api.put('/v1/email-templates/welcome/en', own)).body).toMatchObject({ template: 'welcome', locale: 'en', customized: true, subject: own.subject });
    const preview = (await api.post('/v1/email-templates/welcome/preview', { customer_id: customer.id })).body;
    expect(preview.subject).toBe('Welcome, Noor!');
    expect(preview.html).toContain('<strong>Shop</strong>');
    expect(preview.text).toContain('You have 0 points.');
    const sample = (await api.post('/v1/email-templates/welcome/preview', { locale: 'zh-Hans' })).body;
    expect(sample.html).toContain('lang="zh-Hans"');
    expect((await api.post('/v1/email-templates/nope/preview', {})).status).toBe(404);
    expect((await api.delete('/v1/email-templates/welcome/en')).body.customized).toBe(false);
    const all = (await api.get('/v1/email-templates')).body.data as { template: string; locale: string }[];
    expect(all).toHaveLength(24 * 5);
  });
});
