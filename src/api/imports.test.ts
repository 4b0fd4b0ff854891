import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { queueOrderImport, runOrderImports } from '../workflows/imports/order-import.ts';
import { createTestApp } from './testing/test-app.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');
const balanceOf = async (api: Awaited<ReturnType<typeof t.newProgram>>, email: string) => (await api.get(`/v1/customers?email=${encodeURIComponent(email)}`)).body.data[0];

describe('POST /v1/imports/balances', () => {
  it('brings in a Smile.io email,points file once: a second import of it changes nothing', async () => {
    const api = await t.newProgram();
    const csv = 'email,points\nada@example.com,120\nGrace@Example.com,0\nbob@example.com,1500\n';
    const first = await api.post('/v1/imports/balances', { csv, format: 'smile' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ object: 'balance_import', dry_run: false, rows: 3, customers_created: 3, balances_imported: 2, points_imported: 1620, already_imported: 0, errors: [] });
    const ada = await balanceOf(api, 'ada@example.com');
    expect(ada).toMatchObject({ points_balance: 120, points_earned_lifetime: 0 });
    const history = (await api.get(`/v1/customers/${ada.id}/transactions`)).body.data;
    expect(history[0]).toMatchObject({ code: 'import.opening', points: 120, explanation: 'Opening balance of 120 points carried over from Smile.io' });

    const again = await api.post('/v1/imports/balances', { csv, format: 'smile' });
    expect(again.body).toMatchObject({ customers_created: 0, balances_imported: 0, points_imported: 0, already_imported: 2 });
    expect((await balanceOf(api, 'ada@example.com')).points_balance).toBe(120);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('reads LoyaltyLion’s export: approved points spendable, pending points on hold, tiers placed as given', async () => {
    const api = await t.newProgram();
    const gold = (await api.post('/v1/tiers', { name: 'Gold', threshold: 1000 })).body.id;
    const csv = ['merchant_id,email,points_approved,points_pending,birthday,loyalty_tier,referral_id', '8801,lin@example.com,"1,250",300,1990-05-17,gold,LIN-5', '8802,kim@example.com,40,0,,,'].join('\n');
    const result = (await api.post('/v1/imports/balances', { csv, format: 'loyaltylion', pending_days: 14 })).body;
    expect(result).toMatchObject({ rows: 2, balances_imported: 2, points_imported: 1290, points_pending_imported: 300, tiers_placed: 1, referral_codes_set: 1, errors: [] });
    const lin = (await api.get('/v1/customers?external_id=8801')).body.data[0];
    expect(lin).toMatchObject({ email: 'lin@example.com', points_balance: 1250, points_pending: 300, tier_id: gold, birthday: '1990-05-17' });
    expect((await api.get(`/v1/customers/${lin.id}/referral`)).body.code).toBe('LIN-5');
    expect((await api.get(`/v1/customers/${lin.id}/tier-history`)).body.data[0]).toMatchObject({ to_tier_id: gold, reason: 'imported' });
  });

  it('reports bad rows by line and applies the rest; a dry run says what would change and changes nothing', async () => {
    const api = await t.newProgram();
    const csv = ['email,points,tier', 'ok@example.com,10,', 'not-an-email,5,', 'neg@example.com,-3,', 'tier@example.com,7,Platinum', ',4,'].join('\n');
    const dry = await api.post('/v1/imports/balances', { csv, dry_run: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dry_run: true, balances_imported: 1, points_imported: 10, customers_created: 1 });
    expect(dry.body.errors).toEqual([
      { line: 3, message: 'email "not-an-email" is not an email address' },
      { line: 4, message: 'points "-3" is not a whole number of points (0 or more)' },
      { line: 5, message: 'tier "Platinum" is not a tier of this program' },
      { line: 6, message: 'email (or customer_id) is required' },
    ]);
    expect(await balanceOf(api, 'ok@example.com')).toBeUndefined();
    const real = await api.post('/v1/imports/balances', { csv });
    expect(real.body).toMatchObject({ balances_imported: 1, errors: dry.body.errors });
    expect((await balanceOf(api, 'ok@example.com')).points_balance).toBe(10);
    expect((await api.post('/v1/imports/balances', { csv: 'name,amount\nx,1\n' })).body.error).toMatchObject({ code: 'invalid_csv', param: 'csv' });
  });
});

/** Follows an order import until its job ends. */
async function finished(api: Awaited<ReturnType<typeof t.newProgram>>, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = (await api.get(`/v1/imports/orders/${id}`)).body;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('POST /v1/imports/orders', () => {
  const csv = ['customer_id,email,order_id,date,amount', 'c1,ann@example.com,A-1,2025-11-02,40.00', 'c1,ann@example.com,A-2,2026-01-15,25.50', 'c2,ben@example.com,B-1,2026-02-01,12', 'c3,,C-1,2026-02-30,5', 'c4,,C-2,2026-02-03,-1'].join('\n');

  it('imports history in a job with progress: bad rows by line, no points, and the same file again adds nothing', async () => {
    const api = await t.newProgram();
    const queued = await api.post('/v1/imports/orders', { csv });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ object: 'order_import', status: 'queued', award_points: false, format: 'plain', rows: 3, skipped: 2, progress: 0 });
    expect(queued.body.errors).toEqual([
      { line: 5, message: 'date "2026-02-30" is not YYYY-MM-DD' },
      { line: 6, message: 'amount "-1" is not a non-negative decimal' },
    ]);
    const done = await finished(api, queued.body.id);
    expect(done).toMatchObject({ status: 'done', step: 'done', progress: 100, orders_imported: 3, customers_created: 2, error: null });
    const ann = (await api.get('/v1/customers?external_id=c1')).body.data[0];
    expect(ann).toMatchObject({ email: 'ann@example.com', points_balance: 0, orders_count: 2, total_spent: 6550 });

    const again = await finished(api, (await api.post('/v1/imports/orders', { csv })).body.id);
    expect(again).toMatchObject({ status: 'done', orders_imported: 0, customers_created: 0 });
    expect((await api.get('/v1/imports/orders')).body.data.map((j: { id: string }) => j.id)).toEqual([again.id, done.id]);
  });

  it('awards points for each order when asked, through the order workflow', async () => {
    const api = await t.newProgram();
    const done = await finished(api, (await api.post('/v1/imports/orders', { csv, award_points: true })).body.id);
    expect(done).toMatchObject({ status: 'done', award_points: true, orders_imported: 3, customers_created: null, skipped: 2 });
    expect((await api.get('/v1/customers?external_id=c1')).body.data[0].points_earned_lifetime).toBe(65);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('refuses a file it cannot read with a 400 that names the field, and queues nothing', async () => {
    const api = await t.newProgram();
    const wrongHeader = await api.post('/v1/imports/orders', { csv: 'who,when,how much\nx,2026-01-01,3' });
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.body.error).toMatchObject({ code: 'unknown_format', param: 'csv' });
    const notCsv = await api.post('/v1/imports/orders', { csv: 'customer_id,date,amount\n"c1,2026-01-01,3' });
    expect(notCsv.body.error).toMatchObject({ code: 'invalid_csv', param: 'csv' });
    const noGoodRow = await api.post('/v1/imports/orders', { csv: 'customer_id,date,amount\nc1,yesterday,3' });
    expect(noGoodRow.body.error).toMatchObject({ code: 'no_orders', param: 'csv', message: 'No row of the file can be imported; line 2: date "yesterday" is not YYYY-MM-DD' });
    expect((await api.get('/v1/imports/orders')).body.data).toEqual([]);
    expect((await api.get('/v1/imports/orders/imp_nope')).status).toBe(404);
  });

  it('one import at a time; an import whose runner stopped is taken over and carried out once', async () => {
    const api = await t.newProgram();
    // Queued as the API does, then as if the instance running it had stopped: running, its heartbeat long silent.
    const first = await queueOrderImport(t.db, await loadProgramContext(t.db, api.programId), csv, false, t.clock.now());
    await t.db.updateTable('order_imports').set({ status: 'running', heartbeat_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', first.id).execute();
    const refused = await api.post('/v1/imports/orders', { csv });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('import_in_progress');
    await runOrderImports(t.deps);
    expect(await finished(api, first.id)).toMatchObject({ status: 'done', orders_imported: 3 });
    expect((await api.get('/v1/customers?external_id=c2')).body.data).toHaveLength(1);
  });
});

describe('POST /v1/imports/customers', () => {
  it('adds new customers, fills in known ones, lists bad rows; the same file again adds nobody', async () => {
    const api = await t.newProgram();
    await api.post('/v1/customers', { email: 'old@example.com' });
    const csv = ['customer_id,email,first_name,birthday,tags', '71,new@example.com,Nia,1991-04-02,"vip,wholesale"', ',old@example.com,Olu,,', '72,not-an-email,,,'].join('\n');
    const first = await api.post('/v1/imports/customers', { csv });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ object: 'customer_import', rows: 2, created: 1, updated: 1, errors: [{ line: 4, message: 'email "not-an-email" is not an email address' }] });
    expect((await api.get('/v1/customers?external_id=71')).body.data[0]).toMatchObject({ email: 'new@example.com', first_name: 'Nia', birthday: '1991-04-02' });
    expect((await api.post('/v1/imports/customers', { csv })).body).toMatchObject({ created: 0 });
    expect((await api.post('/v1/imports/customers', { csv: 'customer_id,email\n,' })).body.error).toMatchObject({ code: 'no_customers', param: 'csv' });
  });

  it('takes each customer’s language and time zone for their emails, and names a row whose are unknown', async () => {
    const api = await t.newProgram();
    const csv = ['customer_id,email,locale,time_zone', '81,layla@example.com,ar-EG,Africa/Cairo', '82,mei@example.com,zh-TW,', '83,x@example.com,klingon,', '84,y@example.com,en,Mars/Base'].join('\n');
    const result = (await api.post('/v1/imports/customers', { csv })).body;
    expect(result).toMatchObject({ created: 2, errors: [{ line: 4, message: expect.stringMatching(/locale "klingon"/) }, { line: 5, message: expect.stringMatching(/time_zone "Mars\/Base"/) }] });
    expect((await api.get('/v1/customers?external_id=81')).body.data[0]).toMatchObject({ locale: 'ar', time_zone: 'Africa/Cairo' });
    expect((await api.get('/v1/customers?external_id=82')).body.data[0]).toMatchObject({ locale: 'zh-Hant', time_zone: null });
  });
});
