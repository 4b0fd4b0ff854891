import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { accessibilityProblems, buildWidget, chromiumPresent, focused, inPage, launchChromium, screenshot, testShop } from './testing/browser.ts';
import { createTestApp } from './testing/test-app.ts';

/**
 * The widget in real Chromium on a store's page of its own origin, talking to a real engine over
 * HTTP: the snippet of docs/storefront.md and a customer token minted as a store's backend would.
 */
const t = await createTestApp(new Date().toISOString());
const LOCALES = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!chromiumPresent())('the storefront widget in Chromium', () => {
  let browser: Browser;
  let api: string;
  let shop: Awaited<ReturnType<typeof testShop>>;
  let program: Awaited<ReturnType<typeof setUpProgram>>;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    shop = await testShop(shopPage);
    [browser, program] = await Promise.all([launchChromium(), setUpProgram(shop.origin), buildWidget()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  /** The store's page: the one-tag snippet, with what the test puts in the address. */
  function shopPage(url: URL): string {
    const q = url.searchParams;
    const attribute = (name: string) => (q.get(name) ? ` ${name}="${q.get(name)}"` : '');
    const lang = q.get('locale') ?? 'en';
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test shop</title></head>
<body><main><h1>Test shop</h1><p>Beans, grinders and cups.</p></main>
<script type="module" src="${api}/widget.js"></script>
<regulars-widget publishable-key="${program.publishableKey}"${attribute('customer-token')}${attribute('locale')}${attribute('mode')}${attribute('order-id')}${attribute('order-total')}></regulars-widget>
</body></html>`;
  }

  async function setUpProgram(shopOrigin: string) {
    const admin = await t.newProgram({ name: 'Coffee Club' });
    const { secret, publishable_key: publishableKey } = (await admin.post('/v1/program/widget-secret')).body;
    await admin.patch('/v1/program', { storefront_origins: [shopOrigin], signup_url: `${shopOrigin}/account/register`, login_url: `${shopOrigin}/account/login`, store_url: `${shopOrigin}/` });
    const reward = (await admin.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 100 })).body;
    await admin.post('/v1/rewards', { name: 'Free shipping', type: 'free_shipping', points_cost: 300 });
    const friend = (await admin.post('/v1/rewards', { name: '10% off', type: 'percent_off', percent: 10, points_cost: 1 })).body;
    await admin.patch('/v1/referral-program', { friend_reward_id: friend.id, advocate_points: 200 });
    await admin.post('/v1/earning-rules', { name: 'Follow us', type: 'action', event_type: 'social_follow', network: 'instagram', points: 25, limit: { count: 1, period: 'lifetime' } });
    await admin.post('/v1/tiers', { name: 'Gold', threshold: 500, earn_multiplier: 1.5, perks: ['Free shipping on every order'] });
    await admin.post('/v1/membership-plans', { name: 'Coffee Club+', price: 900, interval: 'month', perks: ['Double points'], join_url: `${shopOrigin}/products/club` });
    return { admin, secret, publishableKey, reward };
  }

  const token = (sub: string, secret = program.secret, lifetime = 3600, iatOffset = 0) => {
    const iat = Math.floor(Date.now() / 1000) + iatOffset;
    return new SignJWT({ email: `${sub}@example.com` }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('regulars').setIssuedAt(iat).setExpirationTime(iat + lifetime).sign(new TextEncoder().encode(secret));
  };

  /** A shopper with points, known to the engine as the store's customer `sub`. */
  async function member(sub: string, points: number) {
    const jwt = await token(sub);
    const me = await t.app.inject({ method: 'GET', url: '/storefront/v1/me', headers: { 'regulars-publishable-key': program.publishableKey, authorization: `Bearer ${jwt}` } });
    const id = me.json().customer_id as string;
    if (points) await program.admin.post(`/v1/customers/${id}/adjustments`, { points, reason: 'welcome' });
    return { jwt, id };
  }

  async function open(context: BrowserContext, query: Record<string, string>, size = DESKTOP): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${shop.origin}/?${new URLSearchParams(query)}`);
    expect(errors).toEqual([]);
    return page;
  }

  const newContext = () => browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const panel = (page: Page) => page.locator('regulars-widget dialog');

  it('shows a guest what the program is, with Join now and Sign in, and passes axe', async () => {
    const context = await newContext();
    const page = await open(context, {});
    const launcher = page.getByRole('button', { name: 'Rewards' });
    await launcher.click();
    await expect.poll(() => panel(page).textContent()).toContain('Join Coffee Club');
    const dialog = panel(page);
    expect(await dialog.getByRole('link', { name: 'Join now' }).getAttribute('href')).toBe(`${shop.origin}/account/register`);
    expect(await dialog.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(`${shop.origin}/account/login`);
    const text = await dialog.textContent();
    for (const shown of ['How it works', '1 point for every $1.00 spent', '$5 off', '100 points', 'Gold', 'From 500 points', 'Give your friends 10% off.', 'Coffee Club+', '$9.00 a month']) expect(text).toContain(shown);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a member their balance, and redeems with the keyboard alone: code shown, balance down, ledger exact', async () => {
    const shopper = await member('kbd-1', 150);
    const context = await newContext();
    const page = await open(context, { 'customer-token': shopper.jwt });
    // Tab to the launcher, open it, Tab to the first Redeem, press Enter.
    for (let i = 0; i < 10 && (await focused(page)).text !== 'Rewards'; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Rewards');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).locator('[data-balance]').textContent()).toBe('150 points');
    expect((await focused(page)).tag).toBe('button'); // the Close button, inside the panel
    for (let i = 0; i < 30 && (await focused(page)).text !== 'Redeem'; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Redeem');
    await page.keyboard.press('Enter');

    const code = panel(page).locator('[part="code"] code');
    await expect.poll(() => code.textContent(), { timeout: 10_000 }).toMatch(/^[A-Z0-9]{10}$/);
    await expect.poll(() => panel(page).locator('[data-balance]').textContent()).toBe('50 points');
    const shown = (await code.textContent())!;
    const redemption = await t.db.selectFrom('redemptions').selectAll().where('customer_id', '=', shopper.id).executeTakeFirstOrThrow();
    expect(redemption).toMatchObject({ code: shown, points: 100, status: 'reserved' });
    expect((await program.admin.get(`/v1/customers/${shopper.id}`)).body).toMatchObject({ points_balance: 50, points_reserved: 100 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Escape closes the panel and gives the focus back to the launcher.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isVisible()).toBe(false);
    expect((await focused(page)).text).toBe('Rewards');
    await context.close();
  });

  it('keeps the focus inside the open panel', async () => {
    const shopper = await member('trap-1', 20);
    const context = await newContext();
    const page = await open(context, { 'customer-token': shopper.jwt });
    await page.getByRole('button', { name: 'Rewards' }).click();
    await expect.poll(() => panel(page).locator('[data-balance]').textContent()).toBe('20 points');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i < 20 ? 'Tab' : 'Shift+Tab');
      expect((await focused(page)).inPanel).toBe(true);
    }
    await context.close();
  });

  it('copies the referral link, which lands a friend on the offer', async () => {
    const shopper = await member('ref-1', 0);
    const context = await newContext();
    const page = await open(context, { 'customer-token': shopper.jwt });
    await page.getByRole('button', { name: 'Rewards' }).click();
    await panel(page).getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => panel(page).getByRole('button', { name: 'Link copied' }).count()).toBe(1);
    const copied = await inPage<string>(page, 'navigator.clipboard.readText()');
    const { code } = (await program.admin.get(`/v1/customers/${shopper.id}/referral`)).body;
    expect(copied).toBe(`${api}/r/${code}`);

    const landing = await context.newPage();
    await landing.goto(copied);
    expect(await landing.getByRole('heading', { level: 1 }).textContent()).toBe('A friend sent you a gift');
    await landing.getByRole('link', { name: 'Shop now' }).click();
    await landing.waitForURL(`${shop.origin}/?ref=${code}`);
    expect(await inPage(landing, "localStorage.getItem('regulars-referral-code')")).toBe(code);
    await context.close();
  });

  it('renders Arabic right to left, in Arabic, and passes axe', async () => {
    const shopper = await member('ar-1', 150);
    const context = await newContext();
    const page = await open(context, { 'customer-token': shopper.jwt, locale: 'ar' });
    const launcher = page.getByRole('button', { name: 'المكافآت' });
    await launcher.click();
    // Digits as the browser's Intl writes Arabic (CLDR: Latin digits for "ar", Arabic-Indic for some regions).
    const digits = await inPage<string>(page, "new Intl.NumberFormat('ar').format(150)");
    await expect.poll(() => panel(page).locator('[data-balance]').textContent()).toBe(`${digits} نقطة`);
    expect(await inPage(page, "getComputedStyle(document.querySelector('regulars-widget').shadowRoot.querySelector('dialog')).direction")).toBe('rtl');
    expect(await page.locator('regulars-widget [lang="ar"][dir="rtl"]').count()).toBe(1);
    // The panel opens on the end side, which in Arabic is the left.
    await inPage(page, "Promise.all(document.querySelector('regulars-widget').shadowRoot.getAnimations().map((a) => a.finished))");
    const box = (await panel(page).boundingBox())!;
    expect(box.x).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it('refuses a forged or an expired token: the shopper sees the guest view and why', async () => {
    const context = await newContext();
    for (const bad of [await token('forger', 'not-the-widget-secret'), await token('late', program.secret, 3600, -7200)]) {
      const page = await open(context, { 'customer-token': bad });
      await page.getByRole('button', { name: 'Rewards' }).click();
      await expect.poll(() => panel(page).getByRole('alert').textContent()).toBe('Your session has ended. Please sign in again.');
      await expect.poll(() => panel(page).getByRole('link', { name: 'Join now' }).count()).toBe(1);
      expect(await panel(page).locator('[data-balance]').count()).toBe(0);
    }
    expect(await t.db.selectFrom('customers').select('id').where('external_id', 'in', ['forger', 'late']).execute()).toEqual([]);
    await context.close();
  });

  it('shows the account inline and the points an order earned on the confirmation page', async () => {
    const shopper = await member('inline-1', 75);
    const context = await newContext();
    const inline = await open(context, { 'customer-token': shopper.jwt, mode: 'inline' });
    await expect.poll(() => inline.locator('regulars-widget [data-balance]').textContent()).toBe('75 points');
    expect(await inline.getByRole('button', { name: 'Rewards' }).count()).toBe(0);
    expect(await accessibilityProblems(inline)).toEqual([]);

    const guest = await open(context, { mode: 'order', 'order-id': '1001', 'order-total': '4250' });
    await expect.poll(() => guest.locator('regulars-widget [part="order"]').textContent()).toContain('This order earns about 42 points.');
    expect(await guest.locator('regulars-widget [part="order"]').textContent()).toContain('Create an account to keep them.');
    await context.close();
  });

  it('shows the hosted rewards page, with the account inline for a signed-in shopper, and the referral landing', async () => {
    const shopper = await member('hosted-1', 320);
    const { slug } = (await program.admin.get('/v1/program')).body;
    const { code } = (await program.admin.get(`/v1/customers/${shopper.id}/referral`)).body;
    const context = await newContext();
    for (const locale of LOCALES) {
      for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
        const page = await context.newPage();
        await page.setViewportSize(size);
        await page.goto(`${api}/rewards/${slug}?locale=${locale}`);
        expect(await page.locator('regulars-widget').isVisible()).toBe(false);
        await screenshot(page, `rewards-page-${locale}-${name}-guest`);
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.goto(`${api}/rewards/${slug}?locale=${locale}#token=${shopper.jwt}`);
        await page.locator('regulars-widget [data-balance]').waitFor();
        expect(page.url()).not.toContain('token=');
        await screenshot(page, `rewards-page-${locale}-${name}-member`);
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.goto(`${api}/r/${code}?locale=${locale}`);
        await screenshot(page, `referral-landing-${locale}-${name}`);
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.close();
      }
    }
    await context.close();
    const english = await (await newContext()).newPage();
    await english.goto(`${api}/rewards/${slug}?locale=en#token=${shopper.jwt}`);
    await expect.poll(() => english.locator('regulars-widget [data-balance]').textContent()).toBe('320 points');
  }, 180_000);

  it('looks right in every locale, on a phone and a desktop', async () => {
    const shopper = await member('looks-1', 1250);
    const context = await newContext();
    for (const locale of LOCALES) {
      for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
        for (const who of ['guest', 'member'] as const) {
          const page = await open(context, { locale, ...(who === 'member' ? { 'customer-token': shopper.jwt } : {}) }, size);
          await page.locator('regulars-widget').locator('.launcher').waitFor();
          await screenshot(page, `widget-${locale}-${name}-launcher`);
          await page.locator('regulars-widget .launcher').click();
          await expect.poll(() => panel(page).locator(who === 'member' ? '[data-balance]' : '[part="join"]').count()).toBe(1);
          expect(await inPage(page, "document.querySelector('regulars-widget').shadowRoot.textContent.includes('{')")).toBe(false);
          await screenshot(page, `widget-${locale}-${name}-${who}`);
          for (const part of [1, 2, 3]) {
            await inPage(page, `(() => { const b = document.querySelector('regulars-widget').shadowRoot.querySelector('.body'); b.scrollTop = b.clientHeight * 0.9 * ${part}; })()`);
            await screenshot(page, `widget-${locale}-${name}-${who}-${part + 1}`);
          }
          await page.close();
        }
        for (const mode of ['inline', 'order'] as const) {
          const page = await open(context, { locale, mode, 'customer-token': shopper.jwt, 'order-id': 'none-yet', 'order-total': '4250' }, size);
          await page.locator(`regulars-widget ${mode === 'inline' ? '[data-balance]' : '[part="order"]'}`).waitFor();
          await screenshot(page, `widget-${locale}-${name}-${mode}`);
          await page.close();
        }
      }
    }
    await context.close();
  }, 180_000);
});
