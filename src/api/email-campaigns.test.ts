import type { ParsedMail } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../emails/flows.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { smtpTransport } from '../platform/email/mail-transport.ts';
import { deliverDueEmails, type MailSettings } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { giveDueGifts } from '../workflows/gift-given.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-12-01T10:00:00Z');
const smtp = await startSmtpReceiver();
const mail: MailSettings = { transport: smtpTransport(smtp.url), from: 'Regulars <no-reply@regulars.test>', publicUrl: 'https://loyalty.example', retrySeconds: [60] };

beforeEach(() => {
  t.clock.set('2026-12-01T10:00:00Z');
  smtp.mails.length = 0;
});

/** The email loop's pass: queue what is due (flows and campaigns), deliver what can go. */
async function sweep(): Promise<void> {
  await queueDueEmails(t.deps);
  while ((await deliverDueEmails(t.deps, mail)) > 0);
}

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');

const launch = {
  en: { subject: 'Our rewards program is here, {{ customer.first_name }}', preheader: 'Points on every order', heading: 'Welcome to Demo Rewards', body: 'To start you off: {{ gift.points }} points, already in your account ({{ gift.reason }}).', button: 'See your rewards' },
  ar: { subject: 'برنامج المكافآت وصل يا {{ customer.first_name }}', preheader: 'نقاط مع كل طلب', heading: 'أهلاً بك في مكافآت المتجر', body: 'هدية البداية: {{ gift.points }} نقطة في حسابك.', button: 'مكافآتك' },
};

let stores = 0;
/** Mail to this test's store: tests share the database and the SMTP server. */
const ours = (domain: string) => smtp.mails.filter((m) => to(m)?.endsWith(`@${domain}`));
const local = (m: ParsedMail) => to(m)?.split('@')[0];

/** A store with its first customers: three who ordered (one in Arabic, one without consent, one whose address bounced) and one who has not. */
async function store(): Promise<{ api: ApiClient; segment: string; ids: Record<string, string>; domain: string; mails: () => ParsedMail[] }> {
  const domain = `store${++stores}.example`;
  const api = await t.newProgram({ name: 'Demo Coffee' });
  await api.patch('/v1/program', { store_url: 'https://shop.example', email_frequency_cap_hours: 0 });
  // Only the campaigns write to these customers here.
  for (const flow of FLOW_NAMES) await api.patch(`/v1/email-flows/${flow}`, { enabled: false });
  const ids: Record<string, string> = {};
  const people = [
    { key: 'sam', email: `sam@${domain}`, first_name: 'Sam', marketing_consent: true },
    { key: 'layla', email: `layla@${domain}`, first_name: 'ليلى', marketing_consent: true, locale: 'ar' },
    { key: 'quiet', email: `quiet@${domain}`, first_name: 'Quinn', marketing_consent: false },
    { key: 'gone', email: `gone@${domain}`, first_name: 'Gus', marketing_consent: true },
  ];
  for (const { key, ...person } of people) {
    ids[key] = (await api.post('/v1/customers', person)).body.id;
    await api.post('/v1/orders', orderBody({ customer: { email: person.email } }));
  }
  ids.browser = (await api.post('/v1/customers', { email: `browser@${domain}`, marketing_consent: true })).body.id;
  await api.post('/v1/email-suppressions', { email: `gone@${domain}`, reason: 'bounced' });
  const segment = await api.post('/v1/segments', { name: 'Customers', match: 'all', conditions: [{ type: 'orders', at_least: 1 }] });
  expect(segment.status).toBe(201);
  return { api, segment: segment.body.id as string, ids, domain, mails: () => ours(domain) };
}

const balance = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body.points_balance as number;

describe('email campaigns', () => {
  it('announces the program to a segment at its time, once each, in each customer’s language, with a gift to everyone in it', async () => {
    const { api, segment, ids, domain, mails } = await store();
    const preview = await api.post('/v1/email-campaigns/preview', { segment_id: segment, content: launch, customer_id: ids.layla });
    expect(preview.status).toBe(200);
    expect(preview.body.audience).toEqual({ customers: 4, recipients: 2, without_email: 0, without_consent: 1, suppressed: 1 });
    expect(preview.body.email.subject).toContain('ليلى');
    expect(preview.body.email.html).toContain('dir="rtl"');

    const created = await api.post('/v1/email-campaigns', { name: 'Program launch', segment_id: segment, content: launch, scheduled_at: '2026-12-01T12:00:00Z', gift: { points: 500, reason: 'Launch gift' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'email_campaign', id: expect.stringMatching(/^cmp_/), status: 'scheduled', recipients: null, gift: { points: 500, reason: 'Launch gift', status: 'scheduled' } });

    await sweep();
    await giveDueGifts(t.deps);
    expect(mails()).toHaveLength(0);
    expect((await api.get(`/v1/email-campaigns/${created.body.id}`)).body.gift).toMatchObject({ status: 'scheduled', given: 0 });

    t.clock.set('2026-12-01T12:00:30Z');
    await sweep();
    await smtp.received(2);
    expect(mails().map(local).sort()).toEqual(['layla', 'sam']);
    const sam = mails().find((m) => local(m) === 'sam')!;
    expect(sam.subject).toBe('Our rewards program is here, Sam');
    expect(sam.text).toContain('500 points, already in your account (Launch gift)');
    expect(header(sam, 'list-unsubscribe')).toMatch(/^<https:\/\/loyalty\.example\/u\//);
    const layla = mails().find((m) => local(m) === 'layla')!;
    expect(layla.html).toContain('dir="rtl"');
    expect(layla.text).toContain('نقطة في حسابك');
    expect(layla.text).toContain('500');

    // The gift goes to the whole audience, consent to email or not; never to those outside it.
    await giveDueGifts(t.deps);
    for (const key of ['sam', 'layla', 'quiet', 'gone']) expect(await balance(api, ids[key]!)).toBeGreaterThanOrEqual(500);
    expect(await balance(api, ids.browser!)).toBe(0);

    // Another pass (or another instance) sends nothing twice.
    t.clock.set('2026-12-01T13:00:00Z');
    await sweep();
    expect(mails()).toHaveLength(2);
    const report = (await api.get(`/v1/email-campaigns/${created.body.id}`)).body;
    expect(report).toMatchObject({ status: 'sent', recipients: 4, gift: { status: 'done', given: 4 }, report: { sent: 2, suppressed: 2, queued: 0 } });
    const why = (await api.get(`/v1/email-messages?campaign_id=${created.body.id}&limit=10`)).body.data.map((m: { customer_id: string; status: string; reason: string | null }) => [m.customer_id, m.status, m.reason]);
    expect(why).toEqual(expect.arrayContaining([[ids.quiet, 'suppressed', 'no_marketing_consent'], [ids.gone, 'suppressed', 'suppressed_address']]));

    // An order in the week after the email is the campaign's.
    t.clock.set('2026-12-02T09:00:00Z');
    expect((await api.post('/v1/orders', orderBody({ customer: { email: `sam@${domain}` }, placed_at: t.clock.now().toISOString() }))).status).toBe(201);
    expect((await api.get(`/v1/email-campaigns/${created.body.id}`)).body.report).toMatchObject({ orders: 1, revenue: 5900 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('sends nothing once cancelled before its time, nor its gift; a second cancel is a conflict', async () => {
    const { api, segment, mails } = await store();
    const campaign = (await api.post('/v1/email-campaigns', { name: 'Holiday greetings', segment_id: segment, content: launch, scheduled_at: '2026-12-24T08:00:00Z', gift: { points: 200 } })).body;
    const cancelled = await api.post(`/v1/email-campaigns/${campaign.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', gift: { status: 'cancelled' } });
    expect((await api.post(`/v1/email-campaigns/${campaign.id}/cancel`)).body.error).toMatchObject({ type: 'conflict', code: 'campaign_not_cancellable' });
    t.clock.set('2026-12-24T09:00:00Z');
    await sweep();
    await giveDueGifts(t.deps);
    expect(mails().map((m) => m.subject)).toEqual([]);
    expect((await api.get(`/v1/email-campaigns/${campaign.id}`)).body).toMatchObject({ status: 'cancelled', recipients: null, gift: { status: 'cancelled', given: 0 } });
  });

  it('waits out quiet hours and the frequency cap like the flows; cancelling while it waits stops what has not gone', async () => {
    const { api, segment, ids, domain, mails } = await store();
    await api.patch('/v1/program', { email_quiet_hours: { start: '21:00', end: '08:00' }, email_frequency_cap_hours: 24 });
    expect((await api.post('/v1/customers', { email: `layla@${domain}`, time_zone: 'Asia/Tokyo' })).status).toBe(200);
    // 13:00 UTC is 22:00 in Tokyo: Layla's email waits for her morning, Sam's goes.
    t.clock.set('2026-12-01T13:00:00Z');
    const invitation = (await api.post('/v1/email-campaigns', { name: 'Sale invitation', segment_id: segment, content: { en: launch.en } })).body;
    await sweep();
    expect(mails().map(local)).toEqual(['sam']);
    expect((await api.get(`/v1/email-campaigns/${invitation.id}`)).body).toMatchObject({ status: 'sending', report: { sent: 1, deferred: 1 } });
    // An hour later a second campaign: Sam had a marketing email within 24 hours, Layla is still in her night.
    t.clock.set('2026-12-01T14:00:00Z');
    const reminder = (await api.post('/v1/email-campaigns', { name: 'Last day of the sale', segment_id: segment, content: { en: launch.en } })).body;
    await sweep();
    expect(mails()).toHaveLength(1);
    const waiting = (await api.get(`/v1/email-messages?campaign_id=${reminder.id}&status=deferred&limit=10`)).body.data.map((m: { customer_id: string; reason: string }) => [m.customer_id, m.reason]);
    expect(waiting.sort()).toEqual([[ids.layla, 'quiet_hours'], [ids.sam, 'frequency_cap']].sort());
    expect((await api.post(`/v1/email-campaigns/${reminder.id}/cancel`)).body).toMatchObject({ status: 'cancelled', report: { cancelled: 2, deferred: 0 } });
    // 23:05 UTC is 08:05 in Tokyo: the invitation reaches Layla; the cancelled reminder reaches no one.
    t.clock.set('2026-12-01T23:05:00Z');
    await sweep();
    expect(mails().map(local)).toEqual(['sam', 'layla']);
    expect((await api.get(`/v1/email-campaigns/${invitation.id}`)).body.status).toBe('sent');
  });

  it('can be changed until it starts, then not', async () => {
    const { api, segment, mails } = await store();
    const campaign = (await api.post('/v1/email-campaigns', { name: 'Draft', segment_id: segment, content: { en: launch.en }, scheduled_at: '2026-12-05T09:00:00Z' })).body;
    const changed = await api.patch(`/v1/email-campaigns/${campaign.id}`, { name: 'Winter sale', scheduled_at: '2026-12-01T09:00:00Z', button_url: 'https://shop.example/sale' });
    expect(changed.body).toMatchObject({ name: 'Winter sale', scheduled_at: '2026-12-01T09:00:00.000Z', button_url: 'https://shop.example/sale' });
    await sweep();
    await smtp.received(2);
    const sam = mails().find((m) => local(m) === 'sam');
    expect(sam!.html).toContain('https://shop.example/sale');
    const refused = await api.patch(`/v1/email-campaigns/${campaign.id}`, { name: 'Too late' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'campaign_not_editable' });
  });

  it('refuses what it cannot send, naming the field, and creates nothing', async () => {
    const { api, segment } = await store();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', segment_id: segment, content: {} }, 'content'],
      [{ name: 'x', segment_id: segment, content: { en: { ...launch.en, body: 'Hello {% if %}' } } }, 'content.en.body'],
      [{ name: 'x', segment_id: segment, content: { ar: { ...launch.ar, subject: '{{ customer.first_name | nope }}' } } }, 'content.ar.subject'],
      [{ name: 'x', segment_id: 'seg_missing', content: { en: launch.en } }, 'segment_id'],
      [{ name: 'x', segment_id: segment, content: { en: launch.en }, gift: { points: 5, reward_id: 'rwd_x' } }, 'gift.points'],
      [{ name: 'x', segment_id: segment, content: { en: launch.en }, gift: { reward_id: 'rwd_missing' } }, 'gift.reward_id'],
      [{ name: 'x', segment_id: segment, content: { de: launch.en } }, 'content.de'],
    ];
    for (const [body, param] of cases) {
      const response = await api.post('/v1/email-campaigns', body);
      expect(response.status, param).toBe(400);
      expect(response.body.error.param, JSON.stringify(response.body.error)).toBe(param);
    }
    expect((await api.get('/v1/email-campaigns')).body.data).toEqual([]);
    expect((await api.get('/v1/gifts')).body.data).toEqual([]);
    expect((await api.get('/v1/email-campaigns/cmp_missing')).status).toBe(404);
  });
});
