import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, chromiumPresent, focused, inPage, screenshot } from './testing/browser.ts';
import { widgetShop, type WidgetShop } from './testing/widget-shop.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

/**
 * The widget's "Giving" card in real Chromium, on a store's page of its own origin, against a real
 * engine over HTTP (seed 002's Hatch: 1% of every order and 0.25 on top go to a cause): the
 * shopper chooses the cause with the keyboard, an order placed through the API gives to it, and
 * the card shows what they have given, in English and in Arabic, right to left.
 */
const t = await createTestApp(new Date().toISOString());
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!chromiumPresent())('giving in the widget', () => {
  let browser: Browser;
  let shop: WidgetShop['shop'];
  let admin: ApiClient;
  let trees: string;
  let water: string;
  let store: WidgetShop;

  beforeAll(async () => {
    store = await widgetShop(t, { name: 'Hatch' });
    ({ shop, admin, browser } = store);
    trees = (await admin.post('/v1/charity/causes', { name: 'Plant trees', description: 'A tree planted where forests were lost.' })).body.id as string;
    water = (await admin.post('/v1/charity/causes', { name: 'Clean water', description: 'Wells and filters for villages without safe water.' })).body.id as string;
    expect((await admin.patch('/v1/program', { giving_percent: 1, giving_fixed: 25, giving_cause_id: trees })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  const token = (sub: string) => store.token(sub);

  /** The widget's panel, open on a member's account, scrolled to the Giving card. */
  async function openGiving(page: Page, sub: string, locale: string): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${shop.origin}/?${new URLSearchParams({ token: await token(sub), locale })}`);
    await page.locator('regulars-widget .launcher').click();
    await page.locator('regulars-widget [part="giving"]').waitFor();
    await inPage(page, "document.querySelector('regulars-widget').shadowRoot.querySelector('[part=giving]').scrollIntoView({ block: 'center' })");
    expect(errors).toEqual([]);
  }

  /** axe-core needs a page of a context of its own making, not browser.newPage()'s. */
  async function newPage(size: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.setViewportSize(size);
    return page;
  }

  const placeOrder = (sub: string) => admin.post('/v1/orders', orderBody({ customer: { external_id: sub, email: `${sub}@example.com` } }));
  const causeOf = async (sub: string) => (await admin.get(`/v1/customers?external_id=${sub}`)).body.data[0]?.cause_id as string | null | undefined;

  it('a shopper chooses a cause with the keyboard, an order gives to it, and the card shows what they have given', async () => {
    const page = await newPage(DESKTOP);
    await openGiving(page, 'hatch-1', 'en');
    const card = page.locator('regulars-widget [part="giving"]');
    await card.getByText('With every order, Hatch gives 1% of it plus $0.25 to a cause.').waitFor();
    await card.getByText('Your next order starts your giving.').waitFor();
    const causes = card.getByRole('group', { name: 'Which cause should your orders support?' });
    const storeChoice = causes.getByRole('radio', { name: 'The store’s choice: Plant trees' });
    expect(await storeChoice.isChecked()).toBe(true);
    expect(await causes.getByRole('radio').count()).toBe(3);
    expect(await causes.getByRole('radio', { name: 'Clean water', exact: true }).getAttribute('aria-describedby')).toMatch(/-about$/);
    expect(await accessibilityProblems(page)).toEqual([]);

    // The radio group by the keyboard: the arrow moves to the next cause, Tab leaves for Save.
    await storeChoice.focus();
    await page.keyboard.press('ArrowDown');
    expect(await causes.getByRole('radio', { name: 'Clean water', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Save my cause', inPanel: true });
    // Seen focused: the outline of :focus-visible, not the browser's default nothing.
    expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.querySelector('[part=save-cause]')).outlineStyle")).toBe('solid');
    await page.keyboard.press('Enter');
    // Said to screen readers through the live region, and shown beside the button.
    await page.locator('regulars-widget dialog').getByRole('status').filter({ hasText: 'Saved: your orders now support Clean water.' }).waitFor();
    await card.getByText('Saved: your orders now support Clean water.').waitFor();
    await expect.poll(() => causeOf('hatch-1')).toBe(water);

    // 54.00 of merchandise: 0.25 + 1% = 0.79, to the cause chosen; the card says so after the order.
    expect((await placeOrder('hatch-1')).status).toBe(201);
    expect((await admin.get(`/v1/charity/causes/${water}`)).body).toMatchObject({ amount_donated: 79, donations: 1 });
    await page.reload();
    await page.locator('regulars-widget .launcher').click();
    await card.getByText('You have given $0.79 so far.').waitFor();
    expect(await card.locator('[data-given]').getAttribute('data-given')).toBe('79');
    expect(await causes.getByRole('radio', { name: 'Clean water', exact: true }).isChecked()).toBe(true);
    await inPage(page, "document.querySelector('regulars-widget').shadowRoot.querySelector('[part=giving]').scrollIntoView({ block: 'center' })");
    await screenshot(page, 'widget-giving-en-desktop');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Back to the store's choice: the next order gives to Plant trees.
    await causes.getByRole('radio', { name: 'The store’s choice: Plant trees' }).check();
    await card.getByRole('button', { name: 'Save my cause' }).click();
    await card.getByText('Saved: your orders now support Plant trees.').waitFor();
    expect(await causeOf('hatch-1')).toBeNull();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'widget-giving-en-phone');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the card in Arabic, right to left, at phone and desktop width, chosen by the keyboard, and passes axe', async () => {
    expect((await placeOrder('hatch-ar')).status).toBe(201);
    for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
      const page = await newPage(size);
      await openGiving(page, 'hatch-ar', 'ar');
      const card = page.locator('regulars-widget [part="giving"]');
      await card.getByRole('heading', { name: 'العطاء' }).waitFor();
      // The amounts as Intl writes them in Arabic (with Latin or Arabic digits, as the browser's ICU has it), isolated in the sentence.
      await card.getByText(/^مع كل طلب، يتبرّع \u2068Hatch\u2069 بنسبة \u2068.*(1|١).*\u2069 من قيمته ومعها \u2068.*(0\.25|٠٫٢٥).*\u2069 لقضية خيرية\.$/).waitFor();
      await card.getByText(/^ساهمت حتى الآن بمبلغ \u2068.*(0\.79|٠٫٧٩).*\u2069\.$/).waitFor();
      expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.querySelector('[part=giving]')).direction")).toBe('rtl');
      const causes = card.getByRole('group', { name: 'أيّ قضية تدعمها طلباتك؟' });
      // At phone width the shopper moves from the store's choice to Clean water; at desktop width it is still chosen.
      if (name === 'phone') {
        await causes.getByRole('radio', { name: /^اختيار المتجر: .*Plant trees/ }).focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await card.getByText(/^حُفظ اختيارك: طلباتك تدعم الآن .*Clean water/).waitFor();
        await expect.poll(() => causeOf('hatch-ar')).toBe(water);
      }
      expect(await causes.getByRole('radio', { name: 'Clean water', exact: true }).isChecked()).toBe(true);
      await inPage(page, "document.querySelector('regulars-widget').shadowRoot.querySelector('[part=giving]').scrollIntoView({ block: 'center' })");
      await screenshot(page, `widget-giving-ar-${name}`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await page.context().close();
    }
  });
});
