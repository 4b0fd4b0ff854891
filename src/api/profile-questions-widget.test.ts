import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { accessibilityProblems, chromiumPresent, focused, inPage, screenshot } from './testing/browser.ts';
import { widgetShop, type WidgetShop } from './testing/widget-shop.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

/**
 * The widget's "Tell us about you" in real Chromium, on a store's page of its own origin, against
 * a real engine over HTTP: questions in the shopper's language, answered with the keyboard and
 * saved through the storefront API; the first complete profile earns its points once.
 */
const t = await createTestApp(new Date().toISOString());
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!chromiumPresent())('profile questions in the widget', () => {
  let browser: Browser;
  let shop: WidgetShop['shop'];
  let admin: ApiClient;
  let store: WidgetShop;

  beforeAll(async () => {
    store = await widgetShop(t, { name: 'Glow', heading: 'Glow skincare' });
    ({ shop, admin, browser } = store);
    await admin.post('/v1/earning-rules', { name: 'Complete your profile', type: 'action', event_type: 'profile_completed', points: 50 });
    const questions = [
      { key: 'skin_type', type: 'single_choice', required: true, text: { en: 'What is your skin type?', ar: 'ما نوع بشرتك؟' }, options: [{ value: 'dry', label: { en: 'Dry', ar: 'جافة' } }, { value: 'oily', label: { en: 'Oily', ar: 'دهنية' } }, { value: 'combination', label: { en: 'Combination', ar: 'مختلطة' } }] },
      { key: 'products_owned', type: 'multiple_choice', required: true, text: { en: 'Which of our products do you own?', ar: 'أيّ منتجاتنا تملك؟' }, options: [{ value: 'serum', label: { en: 'Serum', ar: 'سيروم' } }, { value: 'sunscreen', label: { en: 'Sunscreen', ar: 'واقي الشمس' } }] },
      { key: 'born_on', type: 'date', text: { en: 'When were you born?', ar: 'متى وُلدت؟' } },
      { key: 'routine', type: 'text', text: { en: 'Your routine, in a few words', ar: 'روتينك في كلمات قليلة' } },
    ];
    for (const question of questions) expect((await admin.post('/v1/profile-questions', question)).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  const token = (sub: string) => store.token(sub);

  /** The widget's panel, open on a member's account, scrolled to the profile questions. */
  async function openProfile(sub: string, locale: string, size: { width: number; height: number }): Promise<Page> {
    // axe-core needs a page of a context of its own making, not browser.newPage()'s.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${shop.origin}/?${new URLSearchParams({ token: await token(sub), locale })}`);
    await page.locator('regulars-widget .launcher').click();
    await page.locator('regulars-widget [part="profile"]').waitFor();
    await inPage(page, "document.querySelector('regulars-widget').shadowRoot.querySelector('[part=profile]').scrollIntoView()");
    expect(errors).toEqual([]);
    return page;
  }

  it('asks a shopper in English, takes their answers from the keyboard, and awards the complete profile once', async () => {
    const page = await openProfile('glow-1', 'en', DESKTOP);
    const panel = page.locator('regulars-widget dialog');
    await panel.getByText('Answer the required questions to earn 50 points.').waitFor();
    await screenshot(page, 'widget-profile-en-desktop');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Each question by its label: a radio group, checkboxes, a date, a text.
    const skin = panel.getByRole('group', { name: 'What is your skin type? (required)' });
    await skin.getByRole('radio', { name: 'Dry' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await skin.getByRole('radio', { name: 'Oily' }).isChecked()).toBe(true);
    const owned = panel.getByRole('group', { name: 'Which of our products do you own? (required)' });
    await owned.getByRole('checkbox', { name: 'Serum' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await owned.getByRole('checkbox', { name: 'Sunscreen' }).isChecked()).toBe(true);
    // The date input is the browser's own (its segments take the keyboard); filled as a whole here.
    await panel.getByLabel('When were you born?').fill('1990-05-04');
    await panel.getByLabel('Your routine, in a few words').focus();
    await page.keyboard.type('  Sunscreen every morning ');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Save my answers' });
    await page.keyboard.press('Enter');

    // Said to screen readers, and shown beside the button.
    await panel.getByRole('status').filter({ hasText: 'Thank you! You earned 50 points.' }).waitFor();
    await panel.locator('form').getByText('Thank you! You earned 50 points.').waitFor();
    await expect.poll(() => panel.locator('[data-balance]').textContent()).toBe('50 points');
    const [customer] = (await admin.get('/v1/customers?external_id=glow-1')).body.data;
    expect((await admin.get(`/v1/customers/${customer.id}`)).body).toMatchObject({ points_balance: 50, profile: { skin_type: 'oily', products_owned: ['serum', 'sunscreen'], born_on: '1990-05-04', routine: 'Sunscreen every morning' } });

    // Saving again (a changed answer, then the same ones): saved, no second award.
    await panel.getByRole('radio', { name: 'Combination' }).check();
    await panel.getByRole('button', { name: 'Save my answers' }).click();
    await panel.locator('form').getByText('Thank you: your answers are saved.').waitFor();
    await panel.getByRole('button', { name: 'Save my answers' }).click();
    await expect.poll(async () => (await admin.get(`/v1/customers/${customer.id}/profile-answers`)).body.profile.skin_type).toBe('combination');
    expect((await admin.get(`/v1/customers/${customer.id}`)).body.points_balance).toBe(50);
    expect((await admin.get(`/v1/program-events?customer_id=${customer.id}&type=profile.completed`)).body.data).toHaveLength(1);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'widget-profile-en-phone-answered');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('asks in Arabic, right to left, at phone and desktop width, and passes axe', async () => {
    for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const page = await openProfile(`glow-ar-${name}`, 'ar', size);
      const panel = page.locator('regulars-widget dialog');
      await panel.getByRole('heading', { name: 'أخبرنا عنك' }).waitFor();
      await panel.getByRole('group', { name: 'ما نوع بشرتك؟ (مطلوب)' }).getByRole('radio', { name: 'جافة' }).waitFor();
      expect(await panel.getByLabel('متى وُلدت؟').getAttribute('type')).toBe('date');
      expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.querySelector('[part=profile]')).direction")).toBe('rtl');
      await screenshot(page, `widget-profile-ar-${name}`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.context().close();
    }
  });
});
