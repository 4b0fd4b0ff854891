import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadProgramContext } from '../programs/program-store.ts';
import { deliverDueEmails } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';
import { createSetupLink } from '../users/setup-links.ts';
import { loadLivedInDemo } from '../workflows/demo-store.ts';
import { giveDueGifts } from '../workflows/gift-given.ts';
import { deliverDueWebhooks } from '../workflows/webhooks/webhook-delivered.ts';
import { allowedDestinations } from '../webhooks/destination-guard.ts';
import { accessibilityProblems, buildAdmin, chromiumPresent, inPage, launchChromium, screenshot } from './testing/browser.ts';
import { storefrontOf } from './testing/shopper-session.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';

/**
 * The admin dashboard in real Chromium, over HTTP, on a demo store: the merchant's main paths,
 * signed in as each role, in English and in Arabic, each page scanned by axe-core.
 */
// Webhook endpoints may point at the test's own receiver on loopback.
const t = await createTestApp(new Date().toISOString(), { webhookAllowedHosts: ['127.0.0.1'] });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'a long enough password';
const OWNER = 'owner@demo.example';
/** A field by its whole label, with or without the asterisk Mantine adds to a required one. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

describe.skipIf(!chromiumPresent())('the admin dashboard in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let base: string;
  let api: ApiClient;
  let second: ApiClient;
  let owner: BrowserContext;
  const users = new Map<string, BrowserContext>();

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    api = await t.newProgram({ name: 'Demo Coffee' });
    second = await t.newProgram({ name: 'Second shop' });
    const program = await loadProgramContext(t.db, api.programId);
    [browser] = await Promise.all([launchChromium(), buildAdmin(), loadLivedInDemo(t.deps, t.url, program, { customers: 300, orders: 1500 }, t.clock.now())]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A browser profile of its own; a step that cannot happen fails in 10 s, naming itself. */
  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    return context;
  }

  /** A page of the dashboard, failing the test on any script error. */
  async function open(context: BrowserContext, path: string, size = DESKTOP): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${base}/admin${path}`);
    return page;
  }

  /** What axe-core finds serious or critical, and a screenshot for a person to look at. */
  async function check(page: Page, name: string) {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('[data-loading], .mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
    await screenshot(page, name);
    expect(await accessibilityProblems(page), name).toEqual([]);
  }

  async function signIn(email: string): Promise<BrowserContext> {
    const context = await newContext();
    const page = await open(context, '/login');
    await page.getByLabel(label('Email')).fill(email);
    await page.getByLabel(label('Password')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The owner has two programs: the walk-through is on the demo store.
    if (email === OWNER) await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Demo Coffee' });
    await page.close();
    return context;
  }

  /** The owner invites someone with a role in the Users page; they open the link and choose a password. */
  async function invite(role: string): Promise<BrowserContext> {
    const email = `${role}@demo.example`;
    const page = await open(owner, '/settings/users');
    await page.getByLabel(label('Email')).fill(email);
    await page.getByLabel(label('Role')).selectOption(role);
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByLabel(label('Invitation link')).inputValue();
    await page.close();
    const context = await newContext();
    const accept = await context.newPage();
    await accept.goto(link.replace(/^https?:\/\/[^/]+/, base));
    await accept.getByLabel(label('Password')).fill(PASSWORD);
    await accept.getByLabel(label('Password again')).fill(PASSWORD);
    await accept.getByRole('button', { name: 'Join' }).click();
    await accept.getByRole('navigation', { name: 'Main' }).waitFor();
    await accept.close();
    users.set(role, context);
    return context;
  }

  it('first run: the printed setup link makes the owner, who works through the Setup checklist', async () => {
    const token = await createSetupLink(t.db, 'setup', null, t.clock.now());
    owner = await newContext();
    const page = await open(owner, `/setup?token=${token}`);
    await check(page, 'setup-link');
    await page.getByLabel(label('Email')).fill(OWNER);
    await page.getByLabel(label('Password')).fill(PASSWORD);
    await page.getByLabel(label('Password again')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.waitForURL(`${base}/admin/getting-started`);
    await page.getByRole('heading', { name: 'Three starter rewards' }).waitFor();
    await check(page, 'getting-started');
    const step = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    // The demo program has its earn rate and rewards; the widget is not installed yet.
    await step('Currency and earn rate').getByText('Done').waitFor();
    await step('Three starter rewards').getByText('Done').waitFor();
    await step('Install the widget').getByText('To do').waitFor();

    // The owner's other program is empty: the checklist adds its starter rewards.
    await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Second shop' });
    await step('Three starter rewards').getByText('To do').waitFor();
    await page.getByRole('button', { name: 'Add the three starter rewards' }).click();
    await step('Three starter rewards').getByText('Done').waitFor();
    expect((await second.get('/v1/rewards')).body.data.map((r: { name: string }) => r.name).sort()).toEqual(['$5 off', '10% off', 'Free shipping']);
    await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Demo Coffee' });
    await step('Install the widget').getByText('To do').waitFor();

    await page.getByRole('button', { name: 'Create the widget secret' }).click();
    expect(await page.getByLabel(label('Widget secret')).inputValue()).toMatch(/^\w+/);
    await page.getByRole('button', { name: 'Make a test token' }).click();
    const snippet = await page.getByLabel(label('The snippet for the test customer')).inputValue();
    expect(snippet).toContain(`customer-token="`);
    const program = (await api.get('/v1/program')).body;
    expect(snippet).toContain(`publishable-key="${program.publishable_key}"`);
    // Every required step done: the checklist leaves the menu.
    await page.getByRole('status').filter({ hasText: 'The required steps are done' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' }).count()).toBe(0);
    await page.close();
  });

  it('a marketer creates an earning rule after trying it on an order, and tries an order with the saved rules', async () => {
    const marketer = await invite('marketer');
    await api.post('/v1/challenges', { name: '3 orders in 30 days', goal: 'orders', target: 3, window_days: 30, points: 300 });
    const page = await open(marketer, '/program');
    await page.getByRole('cell', { name: '3 orders in 30 days' }).waitFor();
    await check(page, 'program');
    await page.getByRole('button', { name: 'New earning rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New earning rule' });
    await dialog.getByLabel(label('Name')).fill('Coffee bonus');
    await dialog.getByLabel(label('Type')).selectOption('fixed_per_order');
    await dialog.getByLabel(label('Points')).fill('25');
    await dialog.getByRole('button', { name: 'Show points' }).click();
    // The demo program's 1 point per dollar on $50.00, and the draft's 25.
    await dialog.getByText('This order earns 75 points').waitFor();
    await dialog.getByText(/Coffee bonus \(this rule\)/).waitFor();
    await screenshot(page, 'program-new-rule');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Coffee bonus' }).waitFor();
    const tryOrder = page.getByRole('form', { name: 'Try an order' });
    await tryOrder.getByLabel(label('Subtotal')).fill('20');
    await tryOrder.getByRole('button', { name: 'Show points' }).click();
    await tryOrder.getByText('This order earns 45 points').waitFor();
    expect((await api.get('/v1/earning-rules')).body.data.map((r: { name: string }) => r.name)).toContain('Coffee bonus');

    // A new reward: the API's refusal beside its field, then created.
    await page.getByRole('button', { name: 'New reward' }).click();
    const reward = page.getByRole('dialog', { name: 'New reward' });
    await reward.getByLabel(label('Name')).fill('$10 off');
    await reward.getByLabel(label('Cost in points')).fill('1000');
    await reward.getByRole('button', { name: 'Create reward' }).click();
    await reward.getByText(/amount/i).and(reward.locator('.mantine-InputWrapper-error, [role="alert"]')).first().waitFor();
    await reward.getByLabel(label('Amount off')).fill('10');
    await reward.getByRole('button', { name: 'Create reward' }).click();
    await reward.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '$10 off' }).waitFor();
    expect((await api.get('/v1/rewards')).body.data.find((r: { name: string }) => r.name === '$10 off')).toMatchObject({ type: 'amount_off', amount: 1000, points_cost: 1000 });

    // The demo's tiers: a lower Silver threshold, previewed before it is saved, then applied to everyone.
    const silver = (await api.get('/v1/tiers')).body.data.find((tier: { name: string }) => tier.name === 'Silver');
    await page.getByRole('button', { name: 'Change thresholds' }).click();
    const tiers = page.getByRole('dialog', { name: 'Change thresholds' });
    await tiers.getByLabel(label('Threshold of Silver')).fill('100');
    await tiers.getByRole('button', { name: 'Preview' }).click();
    const previewed = await tiers.getByRole('status').filter({ hasText: 'would move up' }).innerText();
    const movedUp = Number(/(\d+) would move up/.exec(previewed)![1]);
    expect(movedUp).toBeGreaterThan(0);
    expect((await api.get(`/v1/tiers/${silver.id}`)).body.threshold).toBe(silver.threshold);
    await screenshot(page, 'program-tiers-preview');
    expect(await accessibilityProblems(page)).toEqual([]);
    await tiers.getByRole('button', { name: 'Save and move customers' }).click();
    await tiers.getByRole('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 30_000 });
    expect((await api.get(`/v1/tiers/${silver.id}`)).body.threshold).toBe(100);
    await tiers.getByRole('button', { name: 'Close' }).last().click();
    await tiers.waitFor({ state: 'detached' });

    // A stamp card that gives the new reward, and a challenge refused until it gives something.
    await page.getByRole('button', { name: 'New stamp card' }).click();
    const card = page.getByRole('dialog', { name: 'New stamp card' });
    await card.getByLabel(label('Name')).fill('Coffee card');
    await card.getByLabel(label('Stamps to fill the card')).fill('8');
    await card.getByLabel(label('Reward for a full card')).selectOption({ label: '$10 off' });
    await screenshot(page, 'program-new-stamp-card');
    expect(await accessibilityProblems(page)).toEqual([]);
    await card.getByRole('button', { name: 'Create stamp card' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Coffee card' }).waitFor();
    const tenOff = (await api.get('/v1/rewards')).body.data.find((r: { name: string }) => r.name === '$10 off');
    expect((await api.get('/v1/stamp-cards')).body.data.find((c: { name: string }) => c.name === 'Coffee card')).toMatchObject({ stamps_required: 8, per: 'order', reward_id: tenOff.id, active: true });

    await page.getByRole('button', { name: 'New challenge' }).click();
    const challenge = page.getByRole('dialog', { name: 'New challenge' });
    await challenge.getByLabel(label('Name')).fill('Three in a month');
    await challenge.getByRole('button', { name: 'Create challenge' }).click();
    await challenge.locator('.mantine-InputWrapper-error').filter({ hasText: /reward_id or points/ }).waitFor();
    await challenge.getByLabel(label('Points on completion')).fill('300');
    await challenge.getByRole('button', { name: 'Create challenge' }).click();
    await challenge.waitFor({ state: 'detached' });
    expect((await api.get('/v1/challenges')).body.data.find((c: { name: string }) => c.name === 'Three in a month')).toMatchObject({ goal: 'orders', target: 3, window_days: 30, points: 300 });
    await page.close();
  });

  it('support finds a customer and adjusts points; the ledger and the audit log show it; settings are not theirs to change', async () => {
    const support = await invite('support');
    const customer = (await api.get('/v1/customers?limit=1')).body.data[0];
    const list = await open(support, '/customers');
    await check(list, 'customers');
    // An RFM segment narrows the list to its customers, as the API counts them.
    const champions = (await api.get('/v1/customers?segment=champions&limit=1')).body.data[0];
    await list.getByLabel(label('RFM segment')).selectOption('champions');
    await list.getByRole('link', { name: champions.email }).waitFor();
    await list.getByLabel(label('RFM segment')).selectOption('');
    // A part of the email finds them; the export is the same list, as CSV.
    await list.getByLabel(label('Find a customer')).fill(customer.email.split('@')[0]);
    await list.getByRole('button', { name: 'Search' }).click();
    await list.getByRole('link', { name: customer.email }).waitFor();
    const [download] = await Promise.all([list.waitForEvent('download'), list.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^id,external_id,email,/);
    expect(csv).toContain(customer.email);
    await list.getByRole('link', { name: customer.email }).click();
    await list.getByRole('button', { name: 'Adjust points' }).waitFor();
    const { code } = (await api.get(`/v1/customers/${customer.id}/referral`)).body;
    await list.getByText(code, { exact: true }).waitFor();
    await list.getByRole('heading', { name: 'Tier history' }).waitFor();
    await check(list, 'customer');
    await list.getByRole('button', { name: 'Adjust points' }).click();
    const dialog = list.getByRole('dialog', { name: 'Adjust points' });
    await dialog.getByLabel(label('Points to add or remove')).fill('50');
    await dialog.getByLabel(label('Reason')).fill('Parcel arrived late');
    await dialog.getByRole('button', { name: 'Adjust' }).click();
    await dialog.waitFor({ state: 'detached' });
    await list.getByRole('cell', { name: /Parcel arrived late/ }).first().waitFor();
    expect((await api.get(`/v1/customers/${customer.id}`)).body.points_balance).toBe(customer.points_balance + 50);
    // Over the owner's limit for support (1,000 by default): the API's refusal, in the form.
    await list.getByRole('button', { name: 'Adjust points' }).click();
    await dialog.getByLabel(label('Points to add or remove')).fill('5000');
    await dialog.getByLabel(label('Reason')).fill('Too generous');
    await dialog.getByRole('button', { name: 'Adjust' }).click();
    await dialog.getByRole('alert').or(dialog.getByText(/limit|at most/i)).first().waitFor();
    await list.close();

    // Narrowed to a lifecycle stage: the same customers the API lists for it.
    const lapsed = (await api.get('/v1/customers?stage=lapsed&limit=1')).body.data[0];
    const byStage = await open(support, '/customers');
    await byStage.getByRole('combobox', { name: 'Lifecycle stage' }).selectOption('lapsed');
    await byStage.getByRole('link', { name: lapsed.email }).waitFor();
    await byStage.close();

    const audit = await open(owner, '/settings/audit-log');
    await audit.getByLabel(label('Object id')).fill(customer.id);
    await audit.getByRole('button', { name: 'Filter' }).click();
    await audit.getByText('support@demo.example').first().waitFor();
    await audit.getByText('Parcel arrived late').first().waitFor();
    await check(audit, 'audit-log');
    await audit.close();

    const settings = await open(support, '/settings/program');
    await check(settings, 'settings-support');
    await settings.getByText('You can see these settings as Support').waitFor();
    expect(await settings.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    // The API is the guard, not the disabled button: the same change sent by hand is refused.
    const refused = await inPage<{ status: number; code: string }>(
      settings,
      `(async () => {
        const session = await (await fetch('/v1/session')).json();
        const response = await fetch('/v1/program', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token }, body: JSON.stringify({ name: 'Hijacked' }) });
        return { status: response.status, code: (await response.json()).error.code };
      })()`,
    );
    expect(refused).toEqual({ status: 403, code: 'role_not_allowed' });
    expect((await api.get('/v1/program')).body.name).toBe('Demo Coffee');
    await settings.close();
  });

  it('the owner approves one flagged referral and rejects another, with a reason', async () => {
    await api.patch('/v1/referral-program', { advocate_points: 200 });
    const advocates = (await api.get('/v1/customers?limit=2')).body.data;
    const flagged = [];
    for (const advocate of advocates) {
      const { code } = (await api.get(`/v1/customers/${advocate.id}/referral`)).body;
      const [local, domain] = advocate.email.split('@');
      flagged.push((await api.post('/v1/referrals', { code, friend: { email: `${local}+alt@${domain}` } })).body);
    }
    expect(flagged.map((r) => r.status)).toEqual(['flagged', 'flagged']);
    const page = await open(owner, '/program');
    await page.getByRole('heading', { name: 'Referrals to review' }).scrollIntoViewIfNeeded();
    await page.getByText('Same email').first().waitFor();
    await check(page, 'program-referrals');
    await page.getByRole('button', { name: `Approve the referral of ${flagged[0].friend_id}` }).click();
    await page.getByRole('button', { name: `Approve the referral of ${flagged[0].friend_id}` }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Reject the referral of ${flagged[1].friend_id}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject the referral' });
    await dialog.getByLabel(label('Reason')).fill('The same person twice');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Nothing to review').waitFor();
    // Approved before the friend's first order: it waits for that order, as an unflagged one does.
    expect((await api.get(`/v1/referrals/${flagged[0].id}`)).body.status).toBe('pending');
    expect((await api.get(`/v1/referrals/${flagged[1].id}`)).body).toMatchObject({ status: 'rejected', rejected_reason: 'The same person twice' });
    await page.close();
  });

  it('Home and Analytics draw their charts from the demo store', async () => {
    // Home: points over time. Analytics: retention, RFM segments, the CLV by decile and by P(alive), the 12-month projection.
    for (const [path, name, charts] of [['/', 'home', 1], ['/analytics', 'analytics', 5]] as const) {
      const page = await open(owner, path);
      await page.locator('svg.recharts-surface').nth(charts - 1).waitFor({ timeout: 20_000 });
      if (path === '/analytics') {
        // A backtest of the live program with twice the points: the real orders replayed, nothing live changed.
        const balance = (await api.get('/v1/customers?limit=1')).body.data[0].points_balance;
        await page.getByLabel(label('Points per $1.00')).fill('2');
        await page.getByRole('button', { name: 'Run the backtest' }).click();
        await page.getByRole('status').filter({ hasText: /orders of \d+ customers replayed/ }).waitFor({ timeout: 20_000 });
        expect((await api.get('/v1/customers?limit=1')).body.data[0].points_balance).toBe(balance);
        // Segment and stage movement: the largest moves of the period, each a row.
        const moves = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'From' }) });
        await expect.poll(() => moves.count()).toBe(2);
        for (const table of await moves.all()) expect(await table.getByRole('row').count()).toBeGreaterThan(1);
        await page.getByText(/the top tenth will bring \d+%/).waitFor();
      }
      await check(page, name);
      const drawn = await inPage<number[]>(page, `[...document.querySelectorAll('svg.recharts-surface')].map((svg) => svg.querySelectorAll('path.recharts-curve, path.recharts-rectangle, path.recharts-area-area, .recharts-line-curve, .recharts-bar-rectangle path').length)`);
      expect(drawn.length, name).toBe(charts);
      expect(drawn.every((n) => n > 0), `${name}: ${drawn.join(', ')}`).toBe(true);
      await page.close();
    }
  });

  it('the owner connects a store, pauses and resumes it, and turns cashback on', async () => {
    const page = await open(owner, '/developers/connections');
    await page.getByRole('button', { name: 'Connect a store' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect a store' });
    await dialog.getByLabel(label('Shop domain')).fill('demo-coffee.example.com');
    await dialog.getByLabel(label('App client secret')).fill('a-webhook-secret-of-the-shop');
    await screenshot(page, 'connections-connect');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    // Not a myshopify.com domain: the API's refusal beside the field, and nothing connected.
    await dialog.locator('.mantine-InputWrapper-error').filter({ hasText: /shop_domain|myshopify/ }).waitFor();
    const connections = async () => (await api.get('/v1/connections')).body.data as { id: string; shop_domain: string | null }[];
    const before = (await connections()).map((c) => c.id);
    expect(before).toEqual([]);
    await dialog.getByLabel(label('Shop domain')).fill('Demo-Coffee.myshopify.com');
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('demo-coffee.myshopify.com').waitFor();
    const connected = await connections();
    expect(connected).toHaveLength(1);
    const connection = connected[0]!;
    expect(connection).toMatchObject({ platform: 'shopify', shop_domain: 'demo-coffee.myshopify.com', status: 'active' });
    // The address the shop sends to, on this server as the browser reaches it.
    await page.getByText(`${base}/webhooks/shopify/${connection.id}`).waitFor();
    await check(page, 'connections');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Paused').waitFor();
    expect((await api.get(`/v1/connections/${connection.id}`)).body.status).toBe('disabled');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText('Active', { exact: true }).waitFor();
    expect((await api.get(`/v1/connections/${connection.id}`)).body.status).toBe('active');
    await page.close();

    // The owner's own settings change goes through.
    const settings = await open(owner, '/settings/program');
    await settings.getByLabel(label('Cashback')).fill('2.5');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect((await api.get('/v1/program')).body.cashback_percent).toBe(2.5);
    await settings.close();
  });

  it('the owner adds a webhook endpoint, copies its secret the one time it shows, sends a test event and reads its delivery', async () => {
    const receiver = await startWebhookReceiver();
    const page = await open(owner, '/developers/webhooks');
    await page.getByText('No webhook endpoints').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByLabel(label('Endpoint URL')).fill('http://10.0.0.7/hook');
    await dialog.getByLabel(label('Events')).click();
    await page.getByRole('option', { name: 'points.earned', exact: true }).click();
    await page.getByRole('option', { name: 'tier.*', exact: true }).click();
    await dialog.getByLabel(label('Description')).fill('Our CRM');
    await screenshot(page, 'webhooks-add');
    await dialog.getByRole('button', { name: 'Add the endpoint' }).click();
    // An inward address: the API's refusal beside the URL, and nothing created.
    await dialog.locator('.mantine-InputWrapper-error').filter({ hasText: /10\.0\.0\.7/ }).waitFor();
    expect((await api.get('/v1/webhook-endpoints')).body.data).toEqual([]);
    await dialog.getByLabel(label('Endpoint URL')).fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add the endpoint' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The secret, once: in its dialog, then nowhere (not the page, the API, nor a stored idempotent answer).
    const shown = page.getByRole('dialog', { name: 'Endpoint added' });
    await shown.getByText('it will not be shown again').waitFor();
    const secret = await shown.getByLabel(label('Signing secret')).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'webhooks-secret');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    const [endpoint] = (await api.get('/v1/webhook-endpoints')).body.data;
    expect(endpoint).toMatchObject({ url: receiver.url, events: ['points.earned', 'tier.*'], description: 'Our CRM', status: 'enabled' });
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(await t.db.selectFrom('idempotency_keys').select('response_body').execute())).not.toContain(secret);

    // A test event, sent as the sender would; the log picks it up without a reload.
    await page.getByRole('button', { name: `Send test to ${receiver.url}` }).click();
    await page.getByRole('status').filter({ hasText: 'A test event is on its way' }).waitFor();
    const log = page.getByRole('region', { name: 'Deliveries' });
    await log.getByRole('row').filter({ hasText: 'webhook.test' }).getByText('Pending').waitFor();
    while ((await deliverDueWebhooks(t.deps, { schedule: [0, 5, 300], allowed: allowedDestinations(['127.0.0.1']) })) > 0);
    const [received] = await receiver.waitFor(1);
    expect(new Webhook(secret).verify(received!.body, received!.headers as Record<string, string>)).toMatchObject({ type: 'webhook.test' });
    await log.getByRole('row').filter({ hasText: 'webhook.test' }).getByText('Delivered').waitFor();
    await check(page, 'webhooks');
    await log.getByRole('button', { name: /^Details of webhook\.test/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery' });
    await drawer.getByText('Attempt 1').waitFor();
    await drawer.getByText('HTTP 200').waitFor();
    await screenshot(page, 'webhooks-delivery');
    expect(await accessibilityProblems(page)).toEqual([]);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'detached' });

    // A new secret, shown once the same way; the old one signs beside it for a day.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: `More for ${receiver.url}` }).click();
    await page.getByRole('menuitem', { name: 'Rotate the secret' }).click();
    const rotated = page.getByRole('dialog', { name: 'New signing secret' });
    await rotated.getByText(/The previous secret also signs every event until/).waitFor();
    expect(await rotated.getByLabel(label('Signing secret')).inputValue()).toMatch(/^whsec_/);
    expect(await rotated.getByLabel(label('Signing secret')).inputValue()).not.toBe(secret);
    await rotated.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByText(/The previous secret signs until/).waitFor();
    await page.close();
  });

  it('the owner imports order history: the job’s progress runs to done, the bad row is named, the customers are there', async () => {
    const page = await open(owner, '/imports');
    await check(page, 'imports');
    const orders = page.getByRole('region', { name: 'Import order history' });
    const csv = ['customer_id,email,order_id,date,amount', 'imp-1,imported@demo.example,IMP-1,2026-01-04,30.00', 'imp-1,imported@demo.example,IMP-2,2026-02-30,12.00'].join('\n');
    await orders.locator('input[type=file]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await orders.getByRole('button', { name: 'Import' }).click();
    await orders.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 20_000 });
    await orders.getByText('Line 3: date "2026-02-30" is not YYYY-MM-DD').waitFor();
    await orders.getByRole('cell', { name: 'Done' }).waitFor();
    await screenshot(page, 'imports-orders-done');
    const imported = (await api.get('/v1/customers?external_id=imp-1')).body.data[0];
    expect(imported).toMatchObject({ email: 'imported@demo.example', orders_count: 1, total_spent: 3000 });
    await page.close();
  });

  it('a marketer turns a flow on, edits a template (refused with its line, then saved), previews it, and reads the outbox', async () => {
    // The email sweep, without SMTP: the demo store's new customers' welcome emails land in the outbox.
    await queueDueEmails(t.deps, { programId: api.programId });
    while ((await deliverDueEmails(t.deps, { transport: undefined, from: 'Regulars <no-reply@regulars.test>', publicUrl: base, retrySeconds: [] })) > 0);
    const marketer = await signIn('marketer@demo.example');
    const page = await open(marketer, '/emails');
    await check(page, 'emails');
    const outbox = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Subject' }) });
    await outbox.getByText('In the outbox').first().waitFor();

    await page.getByRole('switch', { name: 'Monthly summary on or off' }).click({ force: true });
    await expect.poll(async () => (await api.get('/v1/email-flows/points_summary')).body.enabled).toBe(true);

    await page.getByRole('button', { name: 'Welcome: the template of step 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Template welcome' });
    const subject = dialog.getByLabel(label('Subject'));
    await expect.poll(() => subject.inputValue()).not.toBe('');
    await dialog.getByLabel(label('Body')).fill('Hello {{ customer.first_name }}\n\n{% if points.balance %}\nno end');
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await dialog.locator('.mantine-InputWrapper-error').filter({ hasText: /line 3/ }).waitFor();
    expect((await api.get('/v1/email-templates/welcome/en')).body.customized).toBe(false);
    await dialog.getByLabel(label('Body')).fill('Hello {{ customer.first_name }}, you have {{ points.balance }} points.');
    await subject.fill('Welcome to {{ program.name }}');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Welcome to Demo Coffee').waitFor();
    await expect.poll(() => dialog.frameLocator('iframe').getByText('you have 1,250 points').count()).toBe(1);
    await screenshot(page, 'emails-template');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api.get('/v1/email-templates/welcome/en')).body).toMatchObject({ customized: true, subject: 'Welcome to {{ program.name }}' });
    await page.close();
  });

  it('a marketer makes a segment: the live count is the API’s preview, a condition’s error shows beside it, and its customers are listed', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    const page = await open(marketer, '/segments');
    await page.getByRole('button', { name: 'New segment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New segment' });
    await dialog.getByLabel(label('Name')).fill('Loyal champions');
    const add = async (type: string) => {
      await dialog.getByRole('button', { name: 'Add a condition' }).click();
      await page.getByRole('menuitem', { name: type, exact: true }).click();
    };
    const row = (type: string) => dialog.getByRole('group', { name: type, exact: true });
    await add('RFM segment');
    await row('RFM segment').getByLabel(label('In one of these segments')).click();
    await page.getByRole('option', { name: 'Champions', exact: true }).click();
    // The list stays open for more choices until the focus moves on.
    await page.keyboard.press('Tab');
    await add('Orders');
    await row('Orders').getByLabel(label('At least')).fill('3');
    // The count as the merchant edits: what the API previews for the same conditions.
    const conditions = [{ type: 'rfm_segment', in: ['champions'] }, { type: 'orders', at_least: 3 }];
    const { count } = (await api.post('/v1/segments/preview', { match: 'all', conditions })).body;
    expect(count).toBeGreaterThan(0);
    const live = dialog.getByRole('status').filter({ hasText: new RegExp(`^${count.toLocaleString('en')} customers? match`) });
    await live.waitFor();
    await screenshot(page, 'segments-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);

    // An orders condition with neither bound: the API's refusal beside that condition, and nothing saved.
    await add('Orders');
    await dialog.getByRole('status').filter({ hasText: 'Fill in each condition' }).waitFor();
    await dialog.getByRole('button', { name: 'Create segment' }).click();
    await row('Orders').nth(1).getByRole('alert').filter({ hasText: 'needs at_least or at_most' }).waitFor();
    expect(await row('Orders').first().getByRole('alert').count()).toBe(0);
    expect((await api.get('/v1/segments')).body.data.filter((s: { name: string }) => s.name === 'Loyal champions')).toEqual([]);
    await row('Orders').nth(1).getByRole('button', { name: 'Remove the condition Orders' }).click();
    await live.waitFor();
    await dialog.getByRole('button', { name: 'Create segment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const segment = (await api.get('/v1/segments')).body.data.find((s: { name: string }) => s.name === 'Loyal champions');
    expect(segment).toMatchObject({ match: 'all', conditions, count });

    // In the list with its conditions in words; chosen, its customers (as the API lists them) below.
    await page.getByText('RFM segment: Champions · At least 3 orders').waitFor();
    await page.getByRole('link', { name: 'Loyal champions' }).click();
    await page.waitForURL(`**/segments?segment=${segment.id}`);
    const members = (await api.get(`/v1/segments/${segment.id}/customers?limit=25`)).body.data as { email: string }[];
    const list = page.getByRole('region', { name: /Customers in .Loyal champions./ });
    await list.getByRole('link', { name: members[0]!.email }).waitFor();
    expect(await list.getByRole('row').count()).toBe(members.length + 1);
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(await readFile((await download.path())!, 'utf8')).toContain(members[0]!.email);
    await check(page, 'segments');

    // A reward for the segment keeps it from being deleted: the API's reason, and the segment stays.
    await api.post('/v1/rewards', { name: 'Champions’ $5', type: 'amount_off', amount: 500, points_cost: 100, segment_id: segment.id });
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Delete Loyal champions' }).click();
    await page.getByRole('alert').filter({ hasText: 'is for this segment' }).waitFor();
    expect((await api.get(`/v1/segments/${segment.id}`)).status).toBe(200);

    // Changing it, on a phone: the dialog opens on its conditions.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Change Loyal champions' }).click();
    const edit = page.getByRole('dialog', { name: 'Change the segment' });
    await edit.getByRole('status').filter({ hasText: new RegExp(`^${count.toLocaleString('en')} customers? match`) }).waitFor();
    expect(await edit.getByRole('group', { name: 'Orders', exact: true }).getByLabel(label('At least')).inputValue()).toBe('3');
    await screenshot(page, 'segments-edit-phone');
    expect(await accessibilityProblems(page)).toEqual([]);

    // By predicted value: the top decile of predicted CLV, and P(alive) at most 60%; the count is the API's.
    for (const type of ['Predicted value (CLV)', 'Still a customer (P(alive))']) {
      await edit.getByRole('button', { name: 'Add a condition' }).click();
      await page.getByRole('menuitem', { name: type, exact: true }).click();
    }
    await edit.getByRole('group', { name: 'Predicted value (CLV)', exact: true }).getByLabel(label('Deciles of predicted value')).click();
    await page.getByRole('option', { name: '0–10% from the top', exact: true }).click();
    await page.keyboard.press('Tab');
    await edit.getByRole('group', { name: 'Still a customer (P(alive))', exact: true }).getByLabel(label('At most')).fill('60');
    const valued = [...conditions, { type: 'predicted_clv', deciles: [1] }, { type: 'p_alive', at_most: 0.6 }];
    const byValue = (await api.post('/v1/segments/preview', { match: 'all', conditions: valued })).body.count as number;
    await edit.getByRole('status').filter({ hasText: new RegExp(`^${byValue.toLocaleString('en')} customers? match`) }).waitFor();
    await screenshot(page, 'segments-value-phone');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it('a marketer gives a segment 50 points, given by the sweep to everyone in it, and records a month’s spend to read its CAC', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    const created = (await api.post('/v1/segments', { name: 'Gift receivers', match: 'all', conditions: [{ type: 'orders', at_least: 4 }] })).body;
    const { count } = (await api.get(`/v1/segments/${created.id}`)).body as { count: number };
    expect(count).toBeGreaterThan(0);
    const [member] = (await api.get(`/v1/segments/${created.id}/customers?limit=1`)).body.data as { id: string; points_balance: number }[];
    const page = await open(marketer, `/segments?segment=${created.id}`);
    await page.getByRole('button', { name: 'Give a gift to Gift receivers' }).click();
    const dialog = page.getByRole('dialog', { name: /^Give a gift to .Gift receivers.$/ });
    await dialog.getByText(`${count.toLocaleString('en')} customers now`, { exact: false }).waitFor();
    await dialog.getByLabel(label('Points to each customer')).fill('50');
    await dialog.getByLabel(label('Reason')).fill('Thank you for being regulars');
    await screenshot(page, 'gifts-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Give the gift' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'The gift is on its way' }).waitFor();
    const row = page.getByRole('region', { name: 'Gifts' }).getByRole('row').filter({ hasText: 'Thank you for being regulars' });
    await row.getByText('Scheduled', { exact: true }).waitFor();
    await row.getByText(/^to .Gift receivers.$/).waitFor();
    const [gift] = (await api.get('/v1/gifts?limit=1')).body.data;
    expect(gift).toMatchObject({ segment_id: created.id, points: 50, reason: 'Thank you for being regulars', status: 'scheduled', recipients: null, given: 0 });

    // The sweep, as the worker runs it every minute; the list asks again by itself while a gift is due.
    expect(await giveDueGifts(t.deps)).toBe(count);
    const given = (await api.get(`/v1/gifts/${gift.id}`)).body;
    expect(given).toMatchObject({ status: 'done', recipients: count, given: count, skipped: 0 });
    expect((await api.get(`/v1/customers/${member!.id}`)).body.points_balance).toBe(member!.points_balance + 50);
    await row.getByText('Given', { exact: true }).waitFor();
    await row.getByText(`${count.toLocaleString('en')} of ${count.toLocaleString('en')} given`).waitFor();
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await row.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    await check(page, 'gifts-done');

    // One for tomorrow waits for its time, and can be cancelled until then.
    await page.getByRole('button', { name: 'Give a gift to Gift receivers' }).click();
    await dialog.getByLabel(label('Points to each customer')).fill('10');
    await dialog.getByLabel(label('Reason')).fill('Tomorrow’s treat');
    await dialog.getByRole('radio', { name: 'At a time' }).check();
    await dialog.getByRole('button', { name: 'Schedule the gift' }).click();
    await dialog.waitFor({ state: 'detached' });
    const later = page.getByRole('region', { name: 'Gifts' }).getByRole('row').filter({ hasText: 'Tomorrow’s treat' });
    await later.getByText('Scheduled', { exact: true }).waitFor();
    await screenshot(page, 'gifts-scheduled');
    page.once('dialog', (confirm) => void confirm.accept());
    await later.getByRole('button', { name: /^Cancel the gift of 10 points to .Gift receivers.$/ }).click();
    await later.getByText('Cancelled', { exact: true }).waitFor();
    expect((await api.get('/v1/gifts?limit=1')).body.data[0]).toMatchObject({ points: 10, status: 'cancelled', given: 0 });
    await page.close();

    // Analytics: the spend of the latest month that won customers, and its CAC as the API answers it.
    const now = t.clock.now();
    const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    const won = (await api.get(`/v1/analytics/acquisition?from=${yearAgo}&to=${now.toISOString().slice(0, 7)}`)).body.months.filter((m: { new_customers: number }) => m.new_customers > 0);
    const month: string = won.at(-1).month;
    const monthName = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
    const analytics = await open(marketer, '/analytics');
    const section = analytics.getByRole('region', { name: 'Acquisition cost' });
    const form = section.getByRole('form', { name: 'Record a month’s spend' });
    await form.getByLabel(label('Month')).fill(month);
    await form.getByLabel(label('Channel')).fill('ads');
    await form.getByLabel(label('Spend')).fill('1234.56');
    await form.getByRole('button', { name: 'Record spend' }).click();
    await section.getByRole('button', { name: `Delete the spend of ${monthName}, ads` }).waitFor();
    expect((await api.get('/v1/acquisition-costs')).body.data).toEqual([expect.objectContaining({ month, channel: 'ads', amount: 123456 })]);
    const [answer] = (await api.get(`/v1/analytics/acquisition?from=${month}&to=${month}`)).body.months;
    expect(answer).toMatchObject({ month, spend: 123456 });
    const money = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
    // Month, new customers, spend, CAC: every column shows at desktop width.
    const cells = section.getByRole('table').filter({ has: analytics.getByRole('columnheader', { name: 'CAC', exact: true }) }).getByRole('row').filter({ hasText: monthName }).getByRole('cell');
    await expect.poll(() => cells.nth(2).innerText()).toBe(money(123456));
    expect(await cells.nth(3).innerText()).toBe(money(answer.cac));
    await screenshot(analytics, 'acquisition');
    expect(await accessibilityProblems(analytics)).toEqual([]);
    await analytics.close();
  });

  it('a marketer tests two rewards on a segment: a split short of 100 and a reward in both variants are refused beside them; the members and the rate are the API’s; stopped, the offers are everyone’s', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    const credit = (await api.post('/v1/rewards', { name: '$3 credit', type: 'store_credit', amount: 300, points_cost: 10 })).body.id as string;
    const percent = (await api.post('/v1/rewards', { name: '15% off', type: 'percent_off', percent: 15, points_cost: 10 })).body.id as string;
    const audience = (await api.post('/v1/segments', { name: 'Experiment audience', match: 'all', conditions: [{ type: 'orders', at_least: 3 }] })).body;
    const page = await open(marketer, '/segments');
    await page.getByRole('tab', { name: 'Experiments' }).click();
    await page.waitForURL('**/segments/experiments');
    await page.getByRole('button', { name: 'New experiment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New experiment' });
    const variant = (n: number) => dialog.getByRole('group', { name: new RegExp(`^Variant ${n}\\b`) });
    const sum = dialog.getByRole('status').filter({ hasText: /^The shares add up to/ });
    await dialog.getByLabel(label('Name')).first().fill('Credit or percent');
    await dialog.getByLabel(label('Audience')).selectOption(audience.id);
    await variant(1).getByLabel(label('Name')).fill('$3 credit');
    await variant(1).getByLabel(label('Offer')).selectOption(credit);
    await variant(2).getByLabel(label('Name')).fill('15% off');
    await variant(2).getByLabel(label('Offer')).selectOption(credit);
    // A third variant keeps the split even; taken out again, it is two halves.
    await dialog.getByRole('button', { name: 'Add a variant' }).click();
    expect(await variant(3).getByLabel(label('Share')).inputValue()).toBe('33 %');
    await sum.filter({ hasText: 'The shares add up to 100%.' }).waitFor();
    await dialog.getByRole('button', { name: 'Remove variant 3' }).click();
    expect(await variant(1).getByLabel(label('Share')).inputValue()).toBe('50 %');
    await variant(1).getByLabel(label('Share')).fill('60');
    await variant(2).getByLabel(label('Share')).fill('30');
    await sum.filter({ hasText: 'The shares add up to 90%; they must make 100%.' }).waitFor();
    await dialog.getByRole('radio', { name: 'Redemption rate' }).check();
    await dialog.getByLabel(label('Days')).fill('30');

    // Refused by the engine, beside what it names; nothing started.
    const started = async () => (await api.get('/v1/experiments')).body.data.filter((e: { name: string }) => e.name === 'Credit or percent');
    await dialog.getByRole('button', { name: 'Start the experiment' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The split’s shares add up to 100.' }).waitFor();
    expect(await started()).toEqual([]);
    await variant(2).getByLabel(label('Share')).fill('40');
    await sum.filter({ hasText: 'The shares add up to 100%.' }).waitFor();
    expect(await dialog.getByRole('alert').filter({ hasText: 'The split’s shares' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Start the experiment' }).click();
    await variant(2).getByRole('alert').filter({ hasText: 'is in two variants' }).waitFor();
    expect(await variant(1).getByRole('alert').count()).toBe(0);
    await screenshot(page, 'experiments-dialog-refused');
    expect(await started()).toEqual([]);
    await variant(2).getByLabel(label('Offer')).selectOption(percent);
    await dialog.getByLabel(label('Name')).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'experiments-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);
    // The test's clock stands still: the experiment starts two hours ago and the redemptions an
    // hour later, so that they fall inside its window, which ends now.
    const now = t.clock.now();
    const hoursAgo = (hours: number) => t.clock.set(new Date(now.getTime() - hours * 3_600_000));
    onTestFinished(() => t.clock.set(now));
    hoursAgo(2);
    const { count } = (await api.get(`/v1/segments/${audience.id}`)).body as { count: number };
    expect(count).toBeGreaterThan(20);
    await dialog.getByRole('button', { name: 'Start the experiment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [experiment] = await started();
    expect(experiment).toMatchObject({ segment_id: audience.id, split: [60, 40], metric: 'redemption_rate', days: 30, status: 'running', members: count });

    // Listed: running, its goal and members; nobody has redeemed, so no variant leads.
    const cells = page.getByRole('row').filter({ hasText: 'Credit or percent' }).getByRole('cell');
    await expect.poll(() => cells.nth(1).textContent()).toBe('Running');
    expect(await cells.nth(2).innerText()).toBe('Redemption rate');
    expect(await cells.nth(3).innerText()).toBe(count.toLocaleString('en'));
    expect(await cells.nth(5).innerText()).toBe('No variant leads yet');
    await check(page, 'experiments-list');

    // Its page: each variant's members as the API has them.
    await page.getByRole('link', { name: 'Credit or percent' }).click();
    await page.waitForURL(`**/segments/experiments/${experiment.id}`);
    const card = (name: string) => page.getByRole('article', { name });
    const report = (await api.get(`/v1/experiments/${experiment.id}`)).body as { variants: { name: string; members: number; value: number; lift: { difference: number } | null }[] };
    for (const v of report.variants) await card(v.name).getByText(`${v.members.toLocaleString('en')} members`, { exact: false }).waitFor();
    expect(report.variants[0]!.members + report.variants[1]!.members).toBe(count);

    // Three of the credit's members and two of the percent's redeem theirs; a reward is only its variant's.
    const redeem = (customer: string, reward: string) => api.post(`/v1/customers/${customer}/redemptions`, { reward_id: reward });
    const customers = (await api.get(`/v1/segments/${audience.id}/customers?limit=25`)).body.data as { id: string }[];
    const redeemed = { credit: [] as string[], percent: [] as string[] };
    hoursAgo(1);
    for (const { id } of customers) {
      if (redeemed.credit.length >= 3 && redeemed.percent.length >= 2) break;
      expect((await api.post(`/v1/customers/${id}/adjustments`, { points: 100, reason: 'For the experiment' })).status).toBe(201);
      const [mine, other] = redeemed.credit.length < 3 ? (['credit', 'percent'] as const) : (['percent', 'credit'] as const);
      const tried = await redeem(id, mine === 'credit' ? credit : percent);
      if (tried.status === 201) redeemed[mine].push(id);
      else {
        expect(tried.body.error).toMatchObject({ code: 'reward_not_eligible' });
        if (other === 'percent' && redeemed.percent.length < 2) {
          expect((await redeem(id, percent)).status).toBe(201);
          redeemed.percent.push(id);
        }
      }
    }
    t.clock.set(now);
    expect([redeemed.credit.length, redeemed.percent.length]).toEqual([3, 2]);
    const after = (await api.get(`/v1/experiments/${experiment.id}`)).body as typeof report;
    expect(after.variants.map((v) => v.value)).toEqual([3 / after.variants[0]!.members, 2 / after.variants[1]!.members]);
    const percentOf = (ratio: number) => new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
    // The lift is in percentage points, its sign kept before it in Arabic too (isolated left to right).
    const points = (ratio: number) => `\u2066${new Intl.NumberFormat('en', { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio * 100)}\u2069 pts`;
    await page.reload();
    for (const v of after.variants) await card(v.name).getByText(percentOf(v.value), { exact: true }).waitFor();
    await card('15% off').getByText(points(after.variants[1]!.lift!.difference), { exact: true }).waitFor();
    await card('$3 credit').getByText('Baseline', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Figures so far: the goal counts for 30 days/ }).waitFor();
    await check(page, 'experiments-detail');

    // Stopped after asking: the offers are everyone's again, and what was redeemed stays.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Stop the experiment' }).click();
    await page.getByRole('status').filter({ hasText: /^Stopped on .+, before its 30 days were over/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Stop the experiment' }).count()).toBe(0);
    expect((await api.get(`/v1/experiments/${experiment.id}`)).body).toMatchObject({ status: 'stopped' });
    expect((await redeem(redeemed.credit[0]!, percent)).status).toBe(201);
    expect((await api.get(`/v1/experiments/${experiment.id}`)).body.variants[0].value).toBe(after.variants[0]!.value);
    await screenshot(page, 'experiments-stopped');

    // In Arabic at phone width: the list, the page and the dialog right to left, nothing wider than the screen.
    await inPage(page, "localStorage.setItem('regulars.admin.language', 'ar')");
    try {
      await page.setViewportSize(PHONE);
      await page.reload();
      await page.getByRole('article', { name: '15% off' }).waitFor();
      await inPage(page, 'window.scrollTo(0, 0)');
      await check(page, 'experiments-detail-ar-phone');
      expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.getByRole('link', { name: 'التجارب' }).click();
      await page.getByRole('row').filter({ hasText: 'Credit or percent' }).waitFor();
      await check(page, 'experiments-list-ar-phone');
      expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.getByRole('button', { name: 'تجربة جديدة' }).click();
      const arabic = page.getByRole('dialog', { name: 'تجربة جديدة' });
      await arabic.getByRole('button', { name: 'أضف صيغة' }).click();
      await arabic.getByRole('group', { name: /^الصيغة (3|٣)/ }).waitFor();
      await screenshot(page, 'experiments-dialog-ar-phone');
      expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      await inPage(page, "localStorage.setItem('regulars.admin.language', 'en')");
    }
    await page.close();
  });

  it('a marketer emails a segment in English and Arabic with a points gift: the live count is the API’s, scheduled then cancelled; one sent now is sent with its figures', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    const segment = (await api.post('/v1/segments', { name: 'Campaign readers', match: 'all', conditions: [{ type: 'orders', at_least: 8 }] })).body;
    // The demo's customers never agreed to marketing email: ten of the segment's do now.
    const members = (await api.get(`/v1/segments/${segment.id}/customers?limit=10`)).body.data as { email: string }[];
    for (const { email } of members) expect((await api.post('/v1/customers', { email, marketing_consent: true })).status).toBe(200);
    const { audience } = (await api.post('/v1/email-campaigns/preview', { segment_id: segment.id })).body;
    expect(audience).toMatchObject({ recipients: 10, without_consent: audience.customers - 10 });
    const page = await open(marketer, '/emails');
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    await page.waitForURL('**/emails/campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel(label('Name')).fill('Spring hello');
    await form.getByLabel(label('Audience')).selectOption({ label: 'Campaign readers' });
    // The count as the marketer chooses: what the API previews for the same segment.
    await form.getByRole('status').filter({ hasText: new RegExp(`^${audience.recipients.toLocaleString('en')} customers? would get the email now`) }).waitFor();
    await form.getByLabel(label('Subject')).fill('Spring at {{ program.name }}');
    await form.getByLabel(label('Heading')).fill('Hello {{ customer.first_name }}');
    await form.getByLabel(label('Body')).fill('{{ gift.points }} points are waiting in your account.');
    await form.getByLabel(label('Button')).fill('See your rewards');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('Spring at Demo Coffee').waitFor();
    await expect.poll(() => preview.frameLocator('iframe').getByText('points are waiting in your account').count()).toBe(1);
    // Arabic, right to left; its body does not parse: the error is beside it, on its tab, and nothing is saved.
    await form.getByRole('tab', { name: /^العربية/ }).click();
    expect(await form.locator('[dir="rtl"]').getByLabel(label('Subject')).count()).toBe(1);
    await form.getByLabel(label('Subject')).fill('الربيع في {{ program.name }}');
    await form.getByLabel(label('Heading')).fill('أهلاً {{ customer.first_name }}');
    await form.getByLabel(label('Body')).fill('{% if gift.points %}هدية');
    await form.getByRole('radio', { name: 'Points' }).check();
    await form.getByLabel(label('Points to each customer')).fill('25');
    await form.getByLabel(label('Reason')).fill('Spring thanks');
    await form.getByRole('radio', { name: 'At a time' }).check();
    await form.getByRole('tab', { name: /^English/ }).click();
    await form.getByRole('button', { name: 'Schedule the campaign' }).click();
    await form.getByRole('tab', { name: /^العربية.*has an error/, selected: true }).waitFor();
    await form.locator('.mantine-InputWrapper-error').filter({ hasText: /^.?ar: body, line 1/ }).waitFor();
    expect((await api.get('/v1/email-campaigns')).body.data).toEqual([]);
    await form.getByLabel(label('Body')).fill('هديتك {{ gift.points }} نقطة في حسابك.');
    await expect.poll(() => form.locator('.mantine-InputWrapper-error').count()).toBe(0);
    await preview.getByText(/^الربيع في .?Demo Coffee.?$/).waitFor();
    await check(page, 'campaigns-new');
    await form.getByRole('button', { name: 'Schedule the campaign' }).click();
    await page.waitForURL(/\/emails\/campaigns\/cmp_/);
    const [scheduled] = (await api.get('/v1/email-campaigns')).body.data;
    expect(scheduled).toMatchObject({ name: 'Spring hello', segment_id: segment.id, status: 'scheduled', recipients: null, gift: { points: 25, reason: 'Spring thanks', status: 'scheduled' } });
    expect(scheduled.content).toEqual({
      en: { subject: 'Spring at {{ program.name }}', preheader: '', heading: 'Hello {{ customer.first_name }}', body: '{{ gift.points }} points are waiting in your account.', button: 'See your rewards' },
      ar: { subject: 'الربيع في {{ program.name }}', preheader: '', heading: 'أهلاً {{ customer.first_name }}', body: 'هديتك {{ gift.points }} نقطة في حسابك.', button: '' },
    });
    expect(Date.parse(scheduled.scheduled_at)).toBeGreaterThan(Date.now());

    // Changed while scheduled, then listed as scheduled.
    await page.getByRole('link', { name: 'Change' }).click();
    const edit = page.getByRole('form', { name: 'Change the campaign' });
    expect(await edit.getByLabel(label('Audience')).isDisabled()).toBe(true);
    await edit.getByLabel(label('Name')).fill('Spring greetings');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring greetings' }).waitFor();
    expect((await api.get(`/v1/email-campaigns/${scheduled.id}`)).body).toMatchObject({ name: 'Spring greetings', scheduled_at: scheduled.scheduled_at, content: scheduled.content });
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Spring greetings' });
    await row.getByText('Scheduled', { exact: true }).waitFor();
    await row.getByText('Campaign readers', { exact: true }).waitFor();
    await row.getByText('Gift: 25 points').waitFor();

    // Cancelled, after asking: nothing is sent and the gift is not given.
    await row.getByRole('link', { name: 'Spring greetings' }).click();
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Cancel the campaign' }).click();
    await page.getByRole('region', { name: 'Overview' }).getByText('Cancelled', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel the campaign' }).count()).toBe(0);
    expect((await api.get(`/v1/email-campaigns/${scheduled.id}`)).body).toMatchObject({ status: 'cancelled', gift: { status: 'cancelled', given: 0 } });

    // One to the same segment now, through the email sweep (no quiet hours, no cap, no SMTP: the outbox).
    const before = (await api.get('/v1/program')).body;
    await api.patch('/v1/program', { email_quiet_hours: null, email_frequency_cap_hours: 0 });
    try {
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      await page.getByRole('link', { name: 'New campaign' }).click();
      await form.getByLabel(label('Name')).fill('Spring sale');
      await form.getByLabel(label('Audience')).selectOption({ label: 'Campaign readers' });
      await form.getByLabel(label('Subject')).fill('The spring sale is on');
      await form.getByLabel(label('Heading')).fill('Hello {{ customer.first_name }}');
      await form.getByLabel(label('Body')).fill('Everything is 10% off this week.');
      await form.getByRole('button', { name: 'Send the campaign' }).click();
      await page.waitForURL(/\/emails\/campaigns\/cmp_/);
      const sale = (await api.get('/v1/email-campaigns')).body.data[0];
      expect(sale).toMatchObject({ name: 'Spring sale', status: 'scheduled', gift: null });
      await queueDueEmails(t.deps, { programId: api.programId });
      while ((await deliverDueEmails(t.deps, { transport: undefined, from: 'Regulars <no-reply@regulars.test>', publicUrl: base, retrySeconds: [] })) > 0);
      const sent = (await api.get(`/v1/email-campaigns/${sale.id}`)).body;
      expect(sent).toMatchObject({ status: 'sent', recipients: audience.customers, report: { outbox: audience.recipients, queued: 0, deferred: 0 } });
      // The page asks again by itself while the campaign is due.
      await page.getByRole('region', { name: 'Overview' }).getByText('Sent', { exact: true }).waitFor({ timeout: 15_000 });
      const figure = (name: string) => page.getByRole('region', { name: 'Report' }).getByRole('heading', { name, exact: true }).locator('xpath=following-sibling::*[1]').innerText();
      expect(await figure('Sent')).toBe(audience.recipients.toLocaleString('en'));
      expect(await figure('Not sent')).toBe((sent.report.suppressed + sent.report.failed + sent.report.cancelled).toLocaleString('en'));
      const messages = page.getByRole('region', { name: 'Messages' });
      // Each message with its status and why: of the first page, at least half were not sent (only ten could be).
      await messages.getByRole('table').getByText('no marketing consent').first().waitFor();
      expect(await messages.getByRole('table').getByText('no marketing consent').count()).toBeGreaterThanOrEqual(10);
      await messages.getByRole('combobox', { name: 'Status' }).selectOption('outbox');
      await expect.poll(() => messages.getByRole('row').count()).toBe(10 + 1);
      expect(await messages.getByRole('table').getByText('In the outbox').count()).toBe(10);
      await check(page, 'campaigns-detail');
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      const saleRow = page.getByRole('row').filter({ hasText: 'Spring sale' });
      await saleRow.getByText('Sent', { exact: true }).waitFor();
      // Campaign, status, time, recipients, sent, not sent, clicks, orders: every column shows at desktop width.
      expect(await saleRow.getByRole('cell').nth(3).innerText()).toBe(audience.customers.toLocaleString('en'));
      expect(await saleRow.getByRole('cell').nth(4).innerText()).toBe(audience.recipients.toLocaleString('en'));
      await page.getByRole('row').filter({ hasText: 'Spring greetings' }).getByText('Cancelled', { exact: true }).waitFor();
      await check(page, 'campaigns');

      // The list, the form with its preview, and the sent campaign in Arabic at phone width: right to left, nothing wider than the screen.
      await inPage(page, "localStorage.setItem('regulars.admin.language', 'ar')");
      try {
        await page.setViewportSize(PHONE);
        for (const [path, name] of [['/emails/campaigns', 'list'], ['/emails/campaigns/new', 'new'], [`/emails/campaigns/${sale.id}`, 'detail']] as const) {
          await page.goto(`${base}/admin${path}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          expect(await inPage<string>(page, 'document.documentElement.dir')).toBe('rtl');
          if (name === 'new') {
            await page.getByRole('tab', { name: /^العربية/ }).click();
            await page.getByLabel(label('الموضوع')).fill('تخفيضات الربيع في {{ program.name }}');
            await page.getByLabel(label('العنوان')).fill('أهلاً {{ customer.first_name }}');
            await page.getByLabel(label('النص')).fill('خصم 10% على كل شيء هذا الأسبوع.');
            await page.getByRole('region', { name: 'المعاينة' }).getByText(/^تخفيضات الربيع في .?Demo Coffee.?$/).waitFor();
          }
          if (name === 'detail') await page.getByRole('region', { name: 'الرسائل المرسلة' }).getByRole('table').getByText('في صندوق الصادر').first().waitFor();
          // The email, in its frame, is there to see (scrolled to: a frame out of sight is not drawn).
          if (name !== 'list') {
            await expect.poll(() => page.frameLocator('iframe').getByText(name === 'new' ? 'خصم 10% على كل شيء هذا الأسبوع.' : 'Everything is 10% off this week.').count()).toBe(1);
            await page.locator('iframe').scrollIntoViewIfNeeded();
          }
          await check(page, `ar-phone-campaigns-${name}`);
          expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth'), name).toBe(true);
        }
      } finally {
        await inPage(page, "localStorage.setItem('regulars.admin.language', 'en')");
      }
    } finally {
      await api.patch('/v1/program', { email_quiet_hours: before.email_quiet_hours, email_frequency_cap_hours: before.email_frequency_cap_hours });
    }
    // A survey campaign with no words of its own: the preview is the survey template's, with the eleven scores.
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base}/admin/emails/campaigns/new`);
    const survey = page.getByRole('form', { name: 'New campaign' });
    await survey.getByLabel(label('Name')).fill('How are we doing?');
    await survey.getByRole('radio', { name: 'The survey (0–10)' }).check();
    await expect.poll(() => page.frameLocator('iframe').getByRole('link', { name: '10', exact: true }).count()).toBe(1);
    await check(page, 'campaigns-survey');
    await survey.getByRole('button', { name: 'Send the campaign' }).click();
    await page.waitForURL(/\/emails\/campaigns\/cmp_/);
    expect((await api.get('/v1/email-campaigns?limit=1')).body.data[0]).toMatchObject({ name: 'How are we doing?', kind: 'survey' });
    await page.close();
  }, 180_000);

  it('a marketer asks a profile question in two languages, finds who answered it in a segment, and archives it', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    const page = await open(marketer, '/profile-questions');
    await page.getByRole('heading', { name: 'No questions yet' }).waitFor();
    await check(page, 'profile-questions-empty');
    await page.getByRole('button', { name: 'New question' }).click();
    const dialog = page.getByRole('dialog', { name: 'New profile question' });
    await dialog.getByLabel(label('Key')).fill('Skin Type');
    await dialog.getByLabel(label('Required')).check();
    await dialog.getByLabel(label('Question in English')).fill('What is your skin type?');
    for (const [n, text] of ['Dry', 'Oily'].entries()) await dialog.getByLabel(label(`Option ${n + 1}`)).fill(text);
    await dialog.getByRole('button', { name: 'Add an option' }).click();
    await dialog.getByLabel(label('Option 3')).fill('Combination skin');
    // The value follows the label until it is typed.
    expect(await dialog.getByLabel(label('Value of option 3')).inputValue()).toBe('combination_skin');
    await dialog.getByLabel(label('Value of option 3')).fill('combination');
    await dialog.getByRole('tab', { name: 'العربية' }).click();
    await dialog.getByLabel(label('Question in العربية')).fill('ما نوع بشرتك؟');
    for (const [n, text] of ['جافة', 'دهنية', 'مختلطة'].entries()) await dialog.getByLabel(label(`Option ${n + 1}`)).fill(text);
    await screenshot(page, 'profile-questions-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);

    // A key the API refuses: its reason beside the field (the tab with it marked), and nothing saved.
    await dialog.getByRole('button', { name: 'Create question' }).click();
    await dialog.getByRole('tab', { name: 'English' }).click();
    await dialog.locator('.mantine-InputWrapper-error').filter({ hasText: 'key must match pattern' }).waitFor();
    expect((await api.get('/v1/profile-questions?include_archived=true')).body.data).toEqual([]);
    await dialog.getByLabel(label('Key')).fill('skin_type');
    await dialog.getByRole('button', { name: 'Create question' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [question] = (await api.get('/v1/profile-questions')).body.data;
    expect(question).toMatchObject({
      key: 'skin_type',
      type: 'single_choice',
      required: true,
      text: { en: 'What is your skin type?', ar: 'ما نوع بشرتك؟' },
      options: [{ value: 'dry', label: { en: 'Dry', ar: 'جافة' } }, { value: 'oily', label: { en: 'Oily', ar: 'دهنية' } }, { value: 'combination', label: { en: 'Combination skin', ar: 'مختلطة' } }],
    });
    const row = page.getByRole('row').filter({ hasText: 'What is your skin type?' });
    await row.getByText('skin_type', { exact: true }).waitFor();
    await row.getByText('Required', { exact: true }).waitFor();

    // Two demo customers answer (as the widget would); a segment finds the one with dry skin.
    const [first, second] = (await api.get('/v1/customers?limit=2')).body.data as { id: string }[];
    await api.put(`/v1/customers/${first!.id}/profile-answers`, { answers: { skin_type: 'dry' } });
    await api.put(`/v1/customers/${second!.id}/profile-answers`, { answers: { skin_type: 'oily' } });
    const segments = await open(marketer, '/segments');
    await segments.getByRole('button', { name: 'New segment' }).click();
    const segment = segments.getByRole('dialog', { name: 'New segment' });
    await segment.getByRole('button', { name: 'Add a condition' }).click();
    await segments.getByRole('menuitem', { name: 'Profile answer', exact: true }).click();
    const condition = segment.getByRole('group', { name: 'Profile answer', exact: true });
    await condition.getByLabel(label('Question')).click();
    await segments.getByRole('option', { name: 'What is your skin type?' }).click();
    await condition.getByLabel(label('Answers')).click();
    await segments.getByRole('option', { name: 'Dry', exact: true }).click();
    await segments.keyboard.press('Tab');
    await segment.getByRole('status').filter({ hasText: /^1 customer matches/ }).waitFor();
    await screenshot(segments, 'profile-questions-segment');
    expect(await accessibilityProblems(segments)).toEqual([]);
    await segments.close();

    // Changed, then archived (it has answers): gone from the list, there among the archived.
    await page.reload();
    await row.getByText('2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Change What is your skin type?' }).click();
    const edit = page.getByRole('dialog', { name: 'Change the question' });
    expect(await edit.getByLabel(label('Key')).isDisabled()).toBe(true);
    await edit.getByLabel(label('Question in English')).fill('Which best describes your skin?');
    await edit.getByRole('button', { name: 'Save question' }).click();
    await edit.waitFor({ state: 'detached' });
    expect((await api.get(`/v1/profile-questions/${question.id}`)).body.text).toEqual({ en: 'Which best describes your skin?', ar: 'ما نوع بشرتك؟' });
    await check(page, 'profile-questions');
    await page.setViewportSize(PHONE);
    await check(page, 'profile-questions-phone');
    await page.setViewportSize(DESKTOP);
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Archive Which best describes your skin?' }).click();
    await page.getByRole('heading', { name: 'No questions yet' }).waitFor();
    await page.getByRole('switch', { name: 'Show archived questions' }).click({ force: true });
    await page.getByRole('row').filter({ hasText: 'Which best describes your skin?' }).getByText('Archived', { exact: true }).waitFor();
    expect((await api.get(`/v1/customers/${first!.id}`)).body.profile).toEqual({ skin_type: 'dry' });
    // The customer's page shows what they answered, archived question or not.
    const customerPage = await open(marketer, `/customers/${first!.id}`);
    const profile = customerPage.getByRole('region', { name: 'Profile' });
    await profile.getByText('Which best describes your skin?').waitFor();
    await profile.getByText('Dry', { exact: true }).waitFor();
    await check(customerPage, 'profile-questions-customer');
    await customerPage.close();

    // The same page and its dialog in Arabic, at desktop and phone width.
    await api.post('/v1/profile-questions', { key: 'products_owned', type: 'multiple_choice', text: { en: 'Which of our products do you own?', ar: 'أيّ منتجاتنا تملك؟' }, options: [{ value: 'serum', label: { en: 'Serum', ar: 'سيروم' } }, { value: 'sunscreen', label: { en: 'Sunscreen', ar: 'واقي الشمس' } }] });
    await inPage(page, "localStorage.setItem('regulars.admin.language', 'ar')");
    try {
      for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
        await page.setViewportSize(size);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'أسئلة الملف الشخصي' }).waitFor();
        await page.getByText('أيّ منتجاتنا تملك؟').waitFor();
        expect(await inPage<string>(page, 'document.documentElement.dir')).toBe('rtl');
        await check(page, `ar-${name}-profile-questions`);
        expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        await page.getByRole('button', { name: 'سؤال جديد' }).click();
        await page.getByRole('dialog', { name: 'سؤال جديد للملف الشخصي' }).waitFor();
        await screenshot(page, `ar-${name}-profile-questions-dialog`);
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.keyboard.press('Escape');
      }
    } finally {
      await inPage(page, "localStorage.setItem('regulars.admin.language', 'en')");
    }
    await page.close();
  });

  it('a marketer reads the NPS of the widget’s answers: the figure is the API’s, by month and by segment, the latest answers, a segment’s figures, and the CSV', async () => {
    const marketer = users.get('marketer') ?? (await invite('marketer'));
    // Nobody has answered yet: the page says how customers are asked.
    expect((await api.get('/v1/survey-responses?limit=1')).body.data).toEqual([]);
    const empty = await open(marketer, '/surveys');
    await empty.getByRole('heading', { name: 'No answers yet' }).waitFor();
    await empty.getByRole('link', { name: 'Turn on the survey flow' }).waitFor();
    await check(empty, 'surveys-empty');
    await empty.close();

    // Six demo customers answer in the widget (one of them twice, a quarter apart), over two months.
    const shopper = await storefrontOf(t, api);
    // Demo customers the store knows by its id (the ones earlier tests made may have only an email).
    const demo = ((await api.get('/v1/customers?limit=100')).body.data as { id: string; external_id: string | null }[]).filter((c): c is { id: string; external_id: string } => c.external_id !== null).slice(0, 6);
    const answers: [number, number, string | null][] = [
      [0, 10, 'Great coffee, and it comes fast'],
      [1, 3, 'Late delivery twice'],
      [2, 8, null],
      [3, 9, 'Lovely beans'],
      [4, 10, null],
      [5, 6, 'A bit expensive'],
      [0, 9, null],
    ];
    const started = t.clock.now();
    try {
      for (const [n, [who, score, comment]] of answers.entries()) {
        t.clock.set(new Date(started.getTime() - (n < 3 ? 100 : 0) * 86_400_000));
        const { call } = await shopper(demo[who]!.external_id);
        expect((await call('POST', '/storefront/v1/me/survey-answers', { score, comment })).status).toBe(200);
      }
    } finally {
      t.clock.set(started);
    }
    for (const n of [1, 5]) await api.post('/v1/customers', { external_id: demo[n]!.external_id, tags: ['unhappy'] });
    const unhappy = (await api.post('/v1/segments', { name: 'Unhappy customers', match: 'all', conditions: [{ type: 'tags', any_of: ['unhappy'] }] })).body;

    // The page's default dates: the last 12 months up to today, as the API's [from, to).
    const today = new Date();
    const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1));
    const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
    const range = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
    const report = (await api.get(`/v1/analytics/nps?${range}`)).body;
    expect(report).toMatchObject({ responses: 7, promoters: 4, passives: 1, detractors: 2, nps: 28.6 });
    expect(report.by_month).toHaveLength(2);
    const nps = (n: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n);
    const month = (m: string) => new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

    const page = await open(marketer, '/surveys');
    const headline = page.getByRole('region', { name: 'Net Promoter Score' });
    await headline.getByText(nps(report.nps), { exact: true }).waitFor();
    // The figures are isolated, so that a sign keeps its place in a right-to-left sentence.
    await headline.getByText(`95% interval: \u2068${nps(report.nps_low)}\u2069 to \u2068${nps(report.nps_high)}\u2069 · 7 answers`).waitFor();
    await headline.getByText('\u206857%\u2069 of the answers').waitFor();
    const byMonth = page.getByRole('region', { name: 'By month' });
    for (const m of report.by_month) await byMonth.getByRole('row').filter({ hasText: month(m.month) }).getByText(nps(m.nps), { exact: true }).waitFor();
    const bySegment = page.getByRole('region', { name: 'By segment' });
    await bySegment.getByRole('row').filter({ hasText: 'Unhappy customers' }).getByText(nps(-100), { exact: true }).waitFor();
    expect(await bySegment.getByRole('row').count()).toBe(report.by_segment.length + 1);
    const latest = page.getByRole('region', { name: 'Latest answers' });
    expect(await latest.getByRole('row').count()).toBe(8);
    const late = latest.getByRole('row').filter({ hasText: 'Late delivery twice' });
    await late.getByText('Detractor', { exact: true }).waitFor();
    await late.getByText('Widget', { exact: true }).waitFor();
    await check(page, 'surveys');

    // The answers as CSV, and one segment's figures, as the API has them.
    const [download] = await Promise.all([page.waitForEvent('download'), latest.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(8);
    expect(csv).toContain('Late delivery twice');
    await page.getByLabel(label('Customers')).selectOption({ label: 'Unhappy customers' });
    const segmentReport = (await api.get(`/v1/analytics/nps?${range}&segment_id=${unhappy.id}`)).body;
    expect(segmentReport).toMatchObject({ responses: 2, detractors: 2, nps: -100 });
    await headline.getByText(nps(segmentReport.nps), { exact: true }).waitFor();
    await page.getByLabel(label('Customers')).selectOption({ label: 'All customers' });
    await headline.getByText(nps(report.nps), { exact: true }).waitFor();

    // A customer's answer leads to their page.
    await late.getByRole('link').first().click();
    await page.waitForURL(`${base}/admin/customers/${demo[1]!.id}`);
    await page.goBack();
    await page.setViewportSize(PHONE);
    await check(page, 'surveys-phone');
    expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // In Arabic, right to left, at phone and desktop width.
    await inPage(page, "localStorage.setItem('regulars.admin.language', 'ar')");
    try {
      for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
        await page.setViewportSize(size);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'الاستبيانات' }).waitFor();
        await page.getByRole('region', { name: 'صافي نقاط الترويج' }).getByText('مجال الثقة 95%', { exact: false }).waitFor();
        expect(await inPage<string>(page, 'document.documentElement.dir')).toBe('rtl');
        await check(page, `ar-${name}-surveys`);
        expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth'), name).toBe(true);
      }
    } finally {
      await inPage(page, "localStorage.setItem('regulars.admin.language', 'en')");
    }
    await page.close();
  });

  it('the owner gives 1% and a fixed amount of each order to a default cause, as GET /v1/program has it; a share over 100% is refused beside its field', async () => {
    const water = (await api.post('/v1/charity/causes', { name: 'Clean water', description: 'Wells for villages without safe water.' })).body.id as string;
    await api.post('/v1/charity/causes', { name: 'Plant trees' });
    const page = await open(owner, '/program');
    const giving = page.getByRole('region', { name: 'Giving on orders' });
    // The amounts are isolated in the sentence (so they keep their order in Arabic).
    const example = (order: string, gives: string) => `An order of \u2068${order}\u2069 gives \u2068${gives}\u2069.`;
    await giving.getByText('Orders give nothing: set a share or a fixed amount.').waitFor();
    await giving.getByLabel(label('Share of each order')).fill('150');
    await giving.getByLabel(label('Fixed amount per order')).fill('0.25');
    await giving.getByLabel(label('Default cause')).selectOption({ label: 'Clean water' });
    await giving.getByText(example('$100.00', '$150.25')).waitFor();
    await giving.getByRole('button', { name: 'Save giving' }).click();
    // The engine's refusal beside the field it names, and nothing saved.
    const percentField = giving.locator('.mantine-InputWrapper-root').filter({ has: page.getByLabel(label('Share of each order')) });
    await percentField.locator('.mantine-InputWrapper-error').filter({ hasText: 'giving_percent must be <= 100.' }).waitFor();
    expect(await giving.locator('.mantine-InputWrapper-error').count()).toBe(1);
    expect((await api.get('/v1/program')).body).toMatchObject({ giving_percent: 0, giving_fixed: 0, giving_cause_id: null });

    await giving.getByLabel(label('Share of each order')).fill('1');
    await giving.getByText(example('$100.00', '$1.25')).waitFor();
    await giving.getByRole('button', { name: 'Save giving' }).click();
    await giving.getByRole('status').filter({ hasText: 'Giving saved.' }).waitFor();
    expect((await api.get('/v1/program')).body).toMatchObject({ giving_percent: 1, giving_fixed: 25, giving_cause_id: water });
    await page.reload();
    expect(await giving.getByLabel(label('Share of each order')).inputValue()).toBe('1 %');
    expect(await giving.getByLabel(label('Fixed amount per order')).inputValue()).toBe('0.25');
    expect(await giving.getByLabel(label('Default cause')).inputValue()).toBe(water);
    await check(page, 'giving-en-desktop');

    // In Arabic at phone width: the fields right to left, the refusal beside its field again.
    await inPage(page, "localStorage.setItem('regulars.admin.language', 'ar')");
    try {
      await page.setViewportSize(PHONE);
      await page.reload();
      const arabic = page.getByRole('region', { name: 'العطاء على الطلبات' });
      await arabic.getByLabel(label('الحصة من كل طلب')).fill('101');
      await arabic.getByRole('button', { name: 'احفظ العطاء' }).click();
      await arabic.locator('.mantine-InputWrapper-error').filter({ hasText: 'giving_percent' }).waitFor();
      expect(await inPage<string>(page, 'document.documentElement.dir')).toBe('rtl');
      // Filling the fields scrolled the page: back to the top, or the full-page screenshot has the fixed header halfway down.
      await inPage(page, 'window.scrollTo(0, 0)');
      await check(page, 'giving-ar-phone');
      expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect((await api.get('/v1/program')).body.giving_percent).toBe(1);
    } finally {
      await inPage(page, "localStorage.setItem('regulars.admin.language', 'en')");
    }
    await page.close();
  });

  it('each role signs in and sees only what it may use', async () => {
    await invite('viewer');
    await invite('admin');
    const expected: Record<string, string[]> = {
      owner: ['Home', 'Customers', 'Segments', 'Profile questions', 'Program', 'Analytics', 'Surveys', 'Emails', 'Imports', 'Developers', 'Settings'],
      admin: ['Home', 'Customers', 'Segments', 'Profile questions', 'Program', 'Analytics', 'Surveys', 'Emails', 'Imports', 'Developers', 'Settings'],
      marketer: ['Home', 'Customers', 'Segments', 'Profile questions', 'Program', 'Analytics', 'Surveys', 'Emails', 'Settings'],
      support: ['Home', 'Customers', 'Segments', 'Profile questions', 'Program', 'Analytics', 'Surveys', 'Emails', 'Settings'],
      viewer: ['Home', 'Customers', 'Segments', 'Profile questions', 'Program', 'Analytics', 'Surveys', 'Emails', 'Settings'],
    };
    for (const [role, items] of Object.entries(expected)) {
      const context = role === 'owner' ? await signIn(OWNER) : await signIn(`${role}@demo.example`);
      const page = await open(context, '/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      expect(await nav.getByRole('link').allInnerTexts(), role).toEqual(items);
      await page.close();
      await context.close();
    }
  });

  it('in Arabic every page is right to left, at phone and desktop width, and passes axe', async () => {
    const context = await signIn(OWNER);
    const home = await open(context, '/', PHONE);
    await home.getByRole('button', { name: 'Open the menu' }).click();
    await home.getByRole('navigation', { name: 'Main' }).getByText('العربية').click();
    await home.waitForFunction("document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'");
    await home.close();
    const customer = (await api.get('/v1/customers?limit=1')).body.data[0];
    // An experiment's page when the experiments test has made one.
    const experiments = ((await api.get('/v1/experiments?limit=1')).body.data as { id: string }[]).map((e) => `/segments/experiments/${e.id}`);
    for (const path of ['/', '/getting-started', '/customers', `/customers/${customer.id}`, '/segments', '/segments/experiments', ...experiments, '/profile-questions', '/program', '/analytics', '/surveys', '/emails', '/imports', '/developers/api-keys', '/developers/connections', '/developers/webhooks', '/settings/program', '/settings/users', '/settings/audit-log']) {
      for (const [size, label] of [[PHONE, 'phone'], [DESKTOP, 'desktop']] as const) {
        const page = await open(context, path, size);
        expect(await inPage<string>(page, 'document.documentElement.dir')).toBe('rtl');
        await check(page, `ar-${label}${path.replaceAll('/', '-')}`);
        // Nothing wider than the screen: a page scrolls down, never sideways.
        expect(await inPage<boolean>(page, 'document.documentElement.scrollWidth <= window.innerWidth'), `${label} ${path}`).toBe(true);
        await page.close();
      }
    }
    await context.close();
  }, 180_000);
});
