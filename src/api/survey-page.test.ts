import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_NAMES } from '../emails/flows.ts';
import { deliverDueEmails } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { accessibilityProblems, chromiumPresent, inPage, launchChromium, screenshot } from './testing/browser.ts';
import { createTestApp } from './testing/test-app.ts';

/** The hosted survey page in real Chromium: answered by keyboard alone, in English and in Arabic, scanned by axe-core. */
const t = await createTestApp('2026-10-05T10:00:00Z');

describe.skipIf(!chromiumPresent())('the survey page in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a score and a comment by keyboard, right to left in Arabic, with no accessibility problem', async () => {
    const api = await t.newProgram({ name: 'Hatch Coffee' });
    for (const flow of FLOW_NAMES) await api.patch(`/v1/email-flows/${flow}`, { enabled: false });
    await api.post('/v1/earning-rules', { name: 'Tell us how we did', type: 'action', event_type: 'survey_answered', points: 25 });
    const sam = (await api.post('/v1/customers', { email: 'sam@page.example', marketing_consent: true })).body.id as string;
    await api.post('/v1/customers', { email: 'layla@page.example', marketing_consent: true, locale: 'ar' });
    await api.post('/v1/email-campaigns', { name: 'NPS', kind: 'survey' });
    await queueDueEmails(t.deps);
    await deliverDueEmails(t.deps, { transport: undefined, from: 'x@page.example', publicUrl: base, retrySeconds: [] });
    const outbox = (await api.get('/v1/email-messages?flow=campaign&limit=10')).body.data as { id: string; customer_id: string }[];
    const linkOf = async (id: string) => /href="([^"?]+\/s\/[^"?]+)"/.exec((await api.get(`/v1/email-messages/${id}`)).body.html as string)![1]!;

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(await linkOf(outbox.find((m) => m.customer_id === sam)!.id));
    expect(await accessibilityProblems(page)).toEqual([]);
    // Tab to the scores, move along them with the arrow keys, on to the comment, and send with Enter on the button.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 8 && !(await inPage<boolean>(page, `document.activeElement?.getAttribute('name') === 'score'`)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    for (let n = 1; n < 9; n++) await page.keyboard.press('ArrowRight');
    expect(await inPage<string>(page, `document.querySelector('input[name=score]:checked')?.value`)).toBe('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fresh beans');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('25 points');
    await screenshot(page, 'survey-page-en-desktop');
    expect((await api.get('/v1/survey-responses')).body.data).toMatchObject([{ customer_id: sam, score: 9, comment: 'Fresh beans' }]);

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`${await linkOf(outbox.find((m) => m.customer_id !== sam)!.id)}?score=3`);
    expect(await inPage<string>(phone, 'document.documentElement.dir')).toBe('rtl');
    expect(await inPage<number>(phone, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await accessibilityProblems(phone)).toEqual([]);
    await screenshot(phone, 'survey-page-ar-phone');
  });
});
