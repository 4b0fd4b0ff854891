import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { accessibilityProblems, chromiumPresent, focused, inPage, screenshot } from './testing/browser.ts';
import { widgetShop, type WidgetShop } from './testing/widget-shop.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

/**
 * The widget's survey card in real Chromium, on a store's page of its own origin, against a real
 * engine over HTTP: "how likely are you to recommend us", 0 to 10, answered with the keyboard
 * alone; the first answer of the quarter earns the survey_answered points, a changed one nothing.
 */
const t = await createTestApp(new Date().toISOString());
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!chromiumPresent())('the survey in the widget', () => {
  let browser: Browser;
  let api: string;
  let shop: WidgetShop['shop'];
  let admin: ApiClient;
  let publishableKey: string;
  let store: WidgetShop;

  beforeAll(async () => {
    store = await widgetShop(t, { name: 'Glow', heading: 'Glow skincare' });
    ({ api, shop, admin, publishableKey, browser } = store);
    expect((await admin.post('/v1/earning-rules', { name: 'Tell us how we did', type: 'action', event_type: 'survey_answered', points: 25 })).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  const token = (sub: string) => store.token(sub);

  /** The widget's panel, open on a member's account, scrolled to the survey card. */
  async function openSurvey(jwt: string, locale: string, size: { width: number; height: number }): Promise<Page> {
    // axe-core needs a page of a context of its own making, not browser.newPage()'s.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${shop.origin}/?${new URLSearchParams({ token: jwt, locale })}`);
    await page.locator('regulars-widget .launcher').click();
    await page.locator('regulars-widget [part="survey"]').waitFor();
    await inPage(page, "document.querySelector('regulars-widget').shadowRoot.querySelector('[part=survey]').scrollIntoView()");
    expect(errors).toEqual([]);
    return page;
  }

  it('a shopper answers in English with the keyboard alone, earns the points once, and is not asked again this quarter', async () => {
    const jwt = await token('glow-1');
    const page = await openSurvey(jwt, 'en', DESKTOP);
    const panel = page.locator('regulars-widget dialog');
    const card = panel.locator('[part="survey"]');
    const scale = card.getByRole('group', { name: 'How likely are you to recommend Glow to a friend?' });
    // The two ends of the scale describe the group, for a screen reader as for the eye.
    expect(await inPage(page, "document.querySelector('regulars-widget').shadowRoot.getElementById(document.querySelector('regulars-widget').shadowRoot.querySelector('[part=survey] fieldset').getAttribute('aria-describedby')).textContent")).toBe('0: not at all likely10: extremely likely');
    expect(await scale.getByRole('radio').count()).toBe(11);
    await screenshot(page, 'widget-survey-en-desktop');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Sent without a score: asked for one, and the keyboard is put on the scale.
    await card.getByRole('button', { name: 'Answer and earn 25 points' }).focus();
    await page.keyboard.press('Enter');
    await card.getByRole('alert').filter({ hasText: 'Choose a score from 0 to 10.' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expect(await inPage(page, "document.querySelector('regulars-widget').shadowRoot.activeElement.value")).toBe('0');
    // The arrow keys move along the scale, choosing as they go; a visible ring shows where.
    for (let n = 0; n < 9; n++) await page.keyboard.press('ArrowRight');
    expect(await scale.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.activeElement.nextElementSibling).outlineStyle")).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    await page.keyboard.type('  Fast delivery, friendly notes ');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Answer and earn 25 points' });
    await screenshot(page, 'widget-survey-en-desktop-chosen');
    await page.keyboard.press('Enter');

    // Thanked (said to screen readers, and shown where the form was, which takes the focus); the balance has the points.
    await panel.getByRole('status').filter({ hasText: 'Thank you! Your answer is saved. You earned 25 points for answering.' }).waitFor();
    await card.getByText('You earned 25 points for answering.').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'p', text: 'Thank you! Your answer is saved.' });
    await expect.poll(() => panel.locator('[data-balance]').textContent()).toBe('25 points');
    const [customer] = (await admin.get('/v1/customers?external_id=glow-1')).body.data;
    expect((await admin.get('/v1/survey-responses')).body.data).toEqual([expect.objectContaining({ customer_id: customer.id, score: 9, category: 'promoter', comment: 'Fast delivery, friendly notes', source: 'widget', campaign_id: null })]);
    await screenshot(page, 'widget-survey-en-desktop-thanks');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Opened again: not asked again this quarter. A changed answer (as the API allows) earns nothing.
    await page.reload();
    await page.locator('regulars-widget .launcher').click();
    await expect.poll(() => panel.locator('[data-balance]').textContent()).toBe('25 points');
    expect(await panel.locator('[part="survey"]').count()).toBe(0);
    const again = await fetch(`${api}/storefront/v1/me/survey-answers`, { method: 'POST', headers: { 'content-type': 'application/json', 'regulars-publishable-key': publishableKey, authorization: `Bearer ${jwt}` }, body: JSON.stringify({ score: 6, comment: null }) });
    expect(await again.json()).toMatchObject({ ask: false, answer: { score: 6, comment: null }, points: 25, points_awarded: 0 });
    expect((await admin.get(`/v1/customers/${customer.id}`)).body.points_balance).toBe(25);
    expect((await admin.get('/v1/survey-responses')).body.data).toEqual([expect.objectContaining({ customer_id: customer.id, score: 6, category: 'detractor' })]);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
    await page.context().close();
  });

  it('asks in English and in Arabic (right to left), at phone and desktop width, and passes axe', async () => {
    for (const locale of ['en', 'ar'] as const) {
      for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
        const page = await openSurvey(await token(`glow-${locale}-${name}`), locale, size);
        const card = page.locator('regulars-widget dialog [part="survey"]');
        const question = locale === 'ar' ? /^ما مدى احتمال أن توصي بـ \W?Glow\W? لصديق؟$/ : 'How likely are you to recommend Glow to a friend?';
        expect(await card.getByRole('group', { name: question }).getByRole('radio').count()).toBe(11);
        await card.getByRole('button', { name: locale === 'ar' ? 'أجب واكسب 25 نقطة' : 'Answer and earn 25 points' }).waitFor();
        expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.querySelector('[part=survey]')).direction")).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        // Nothing of the card wider than the panel: the scale wraps on a phone.
        expect(await inPage(page, "(() => { const s = document.querySelector('regulars-widget').shadowRoot; return s.querySelector('.scores').scrollWidth <= s.querySelector('.body').clientWidth; })()")).toBe(true);
        await screenshot(page, `widget-survey-${locale}-${name}`);
        expect(await accessibilityProblems(page)).toEqual([]);
        if (locale === 'ar' && name === 'phone') {
          await card.getByRole('radio', { name: '10', exact: true }).check();
          await card.getByRole('button', { name: 'أجب واكسب 25 نقطة' }).click();
          await card.getByText('كسبت 25 نقطة مقابل إجابتك.').waitFor();
          await screenshot(page, 'widget-survey-ar-phone-thanks');
          expect(await accessibilityProblems(page)).toEqual([]);
        }
        await page.context().close();
      }
    }
  });
});
