import type { ParsedMail } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../emails/flows.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { smtpTransport } from '../platform/email/mail-transport.ts';
import { deliverDueEmails, type MailSettings } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { storefrontOf } from './testing/shopper-session.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-10-05T10:00:00Z');
const smtp = await startSmtpReceiver();
const mail: MailSettings = { transport: smtpTransport(smtp.url), from: 'Regulars <no-reply@regulars.test>', publicUrl: 'https://loyalty.example', retrySeconds: [60] };

beforeEach(() => {
  t.clock.set('2026-10-05T10:00:00Z');
  smtp.mails.length = 0;
});

async function sweep(): Promise<void> {
  await queueDueEmails(t.deps);
  while ((await deliverDueEmails(t.deps, mail)) > 0);
}

let stores = 0;
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? '';

/** A store whose answers earn 25 points, with no flow on but the ones a test turns on. */
async function store(): Promise<{ api: ApiClient; domain: string; mails: () => ParsedMail[] }> {
  const domain = `survey${++stores}.example`;
  const api = await t.newProgram({ name: 'Hatch Coffee' });
  await api.patch('/v1/program', { email_frequency_cap_hours: 0 });
  for (const flow of FLOW_NAMES) await api.patch(`/v1/email-flows/${flow}`, { enabled: false });
  expect((await api.post('/v1/earning-rules', { name: 'Tell us how we did', type: 'action', event_type: 'survey_answered', points: 25 })).status).toBe(201);
  return { api, domain, mails: () => smtp.mails.filter((m) => to(m).endsWith(`@${domain}`)) };
}

/** The survey link of an email, with its path relative to this instance. */
const surveyLinks = (m: ParsedMail) => [...(m.html || '').matchAll(/href="https:\/\/loyalty\.example(\/s\/[^"?]+)(\?score=(\d+))?"/g)].map((x) => ({ path: x[1]!, score: x[3] }));
const page = (url: string, locale?: string) => t.app.inject({ method: 'GET', url: `${url}${locale ? `${url.includes('?') ? '&' : '?'}locale=${locale}` : ''}` });
const answer = (path: string, form: Record<string, string>) => t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(form).toString() });
const balance = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body.points_balance as number;

describe('surveys', () => {
  it('a survey campaign asks 0–10 in each customer’s language; the hosted page saves the answer once, rewards it once, and lets it change', async () => {
    const { api, domain, mails } = await store();
    const sam = (await api.post('/v1/customers', { email: `sam@${domain}`, first_name: 'Sam', marketing_consent: true })).body.id as string;
    const layla = (await api.post('/v1/customers', { email: `layla@${domain}`, first_name: 'ليلى', marketing_consent: true, locale: 'ar' })).body.id as string;
    const preview = (await api.post('/v1/email-campaigns/preview', { kind: 'survey', customer_id: layla })).body;
    expect(preview.audience.recipients).toBe(2);
    expect(preview.email.html).toContain('dir="rtl"');
    expect(preview.email.html.match(/\/s\/[^"?]+\?score=\d+/g)).toHaveLength(11);
    const campaign = await api.post('/v1/email-campaigns', { name: 'How are we doing?', kind: 'survey' });
    expect(campaign.status).toBe(201);
    expect(campaign.body).toMatchObject({ kind: 'survey', content: {} });
    await sweep();
    await smtp.received(2);
    const samMail = mails().find((m) => to(m).startsWith('sam@'))!;
    expect(samMail.subject).toBe('How likely are you to recommend Hatch Coffee?');
    const links = surveyLinks(samMail);
    expect(links.map((l) => l.score).filter(Boolean)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const path = links[0]!.path;

    // Opening the link (or a scanner fetching it) shows the question with the clicked score chosen, and saves nothing.
    const opened = await page(`${path}?score=9`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('How likely are you to recommend Hatch Coffee to a friend?');
    expect(opened.body).toMatch(/value="9" checked/);
    expect((await api.get('/v1/survey-responses')).body.data).toEqual([]);

    const saved = await answer(path, { score: '9', comment: 'Fresh beans, fast delivery' });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Thank you! Your answer is saved.');
    expect(saved.body).toContain('25 points are in your account');
    expect(await balance(api, sam)).toBe(25);
    // A second answer to the same email changes the first and earns nothing more.
    const changed = await answer(path, { score: '10', comment: 'Even better the second time' });
    expect(changed.body).not.toContain('points are in your account');
    expect(await balance(api, sam)).toBe(25);
    const responses = (await api.get('/v1/survey-responses')).body.data;
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ customer_id: sam, score: 10, category: 'promoter', comment: 'Even better the second time', source: 'email', campaign_id: campaign.body.id });
    const events = (await api.get('/v1/program-events?type=survey.answered&limit=10')).body.data.map((e: { data: { changed: boolean; score: number } }) => [e.data.score, e.data.changed]);
    expect(events.sort()).toEqual([[10, true], [9, false]].sort());

    // Layla's email and page are in Arabic, right to left.
    const laylaMail = mails().find((m) => to(m).startsWith('layla@'))!;
    expect(laylaMail.html).toContain('dir="rtl"');
    const arabic = await page(surveyLinks(laylaMail)[0]!.path);
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('ما مدى احتمال أن توصي بـ');
    expect(arabic.body).toContain('سؤال سريع');
    expect(await balance(api, layla)).toBe(0);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('refuses a forged link and an answer without a score, saving nothing', async () => {
    const { api, domain, mails } = await store();
    await api.post('/v1/customers', { email: `quinn@${domain}`, marketing_consent: true });
    await api.post('/v1/email-campaigns', { name: 'NPS', kind: 'survey' });
    await sweep();
    await smtp.received(1);
    const path = surveyLinks(mails()[0]!)[0]!.path;
    const forged = `${path.slice(0, -4)}aaaa`;
    expect((await page(forged)).statusCode).toBe(404);
    expect((await answer(forged, { score: '0' })).statusCode).toBe(404);
    const missing = await answer(path, { comment: 'no score' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose a score from 0 to 10.');
    expect((await answer(path, { score: '11' })).statusCode).toBe(400);
    expect((await api.get('/v1/survey-responses')).body.data).toEqual([]);
  });

  it('the survey flow asks two weeks after an order, once a quarter', async () => {
    const { api, domain, mails } = await store();
    await api.patch('/v1/email-flows/survey', { enabled: true });
    await api.post('/v1/customers', { email: `ana@${domain}`, marketing_consent: true });
    await api.post('/v1/orders', orderBody({ customer: { email: `ana@${domain}` }, placed_at: t.clock.now().toISOString() }));
    await sweep();
    expect(mails()).toHaveLength(0);
    t.clock.set('2026-10-12T10:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { email: `ana@${domain}` }, placed_at: t.clock.now().toISOString() }));
    await sweep();
    t.clock.set('2026-10-19T10:05:00Z');
    await sweep();
    t.clock.set('2026-10-26T10:05:00Z');
    await sweep();
    expect(mails().map((m) => m.subject)).toEqual(['How likely are you to recommend Hatch Coffee?']);
  });

  it('the widget asks once a quarter; NPS by month and by segment, filtered by a segment, and the answers as CSV', async () => {
    const { api } = await store();
    const shopper = await storefrontOf(t, api);
    const scores: [string, number, string | null][] = [
      ['p1', 10, null],
      ['p2', 9, '=HYPERLINK("x")'],
      ['pa', 8, null],
      ['d1', 3, 'Late delivery'],
    ];
    for (const [sub, score, comment] of scores) {
      const s = await shopper(sub);
      expect((await s.call('GET', '/storefront/v1/me/survey')).body).toMatchObject({ ask: true, answer: null, points: 25 });
      const saved = await s.call('POST', '/storefront/v1/me/survey-answers', { score, comment });
      expect(saved.body).toMatchObject({ ask: false, answer: { score }, points_awarded: 25 });
      if (sub === 'd1') {
        // The same quarter again: the answer changes, and earns nothing.
        expect((await s.call('POST', '/storefront/v1/me/survey-answers', { score: 2 })).body).toMatchObject({ answer: { score: 2 }, points_awarded: 0 });
        expect((await s.call('POST', '/storefront/v1/me/survey-answers', { score: 12 })).status).toBe(400);
      }
    }
    await api.post('/v1/customers', { external_id: 'd1', tags: ['unhappy'] });
    // November: another detractor.
    t.clock.set('2026-11-03T10:00:00Z');
    const late = await (await shopper('d2')).call('POST', '/storefront/v1/me/survey-answers', { score: 0, comment: 'Broken mug' });
    expect(late.status).toBe(200);

    const report = (await api.get('/v1/analytics/nps?from=2026-10-01&to=2026-12-01')).body;
    expect(report).toMatchObject({ object: 'nps_report', responses: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 });
    expect(report.nps_low).toBeLessThan(0);
    expect(report.nps_high).toBeGreaterThan(0);
    expect(report.by_month).toMatchObject([
      { month: '2026-10', responses: 4, nps: 25 },
      { month: '2026-11', responses: 1, nps: -100 },
    ]);
    const unhappy = (await api.post('/v1/segments', { name: 'Unhappy', match: 'all', conditions: [{ type: 'tags', any_of: ['unhappy'] }] })).body;
    const withSegments = (await api.get('/v1/analytics/nps?from=2026-10-01&to=2026-12-01')).body;
    expect(withSegments.by_segment).toContainEqual(expect.objectContaining({ segment: unhappy.id, name: 'Unhappy', responses: 1, detractors: 1, nps: -100 }));
    expect((await api.get(`/v1/analytics/nps?from=2026-10-01&to=2026-12-01&segment_id=${unhappy.id}`)).body).toMatchObject({ responses: 1, nps: -100 });
    expect((await api.get('/v1/analytics/nps?from=2026-12-01&to=2026-10-01')).status).toBe(400);
    // The retention report carries the same NPS.
    expect((await api.get('/v1/analytics/report?from=2026-10-01&to=2026-12-01')).body.nps).toMatchObject({ responses: 5, nps: 0, by_month: [{ month: '2026-10', nps: 25 }, { month: '2026-11', nps: -100 }] });

    const csv = await t.app.inject({ method: 'GET', url: '/v1/survey-responses/export?from=2026-10-01', headers: { authorization: `Bearer ${api.key}` } });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('id,answered_at,customer_id,external_id,email,score,category,comment,source,campaign_id,locale');
    expect(lines).toHaveLength(6);
    expect(csv.body).toContain('d2,d2@example.com,0,detractor,Broken mug,widget');
    // A comment that a spreadsheet would run as a formula is kept as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
