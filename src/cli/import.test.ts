import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { verifyOrderStats } from '../orders/order-stats-check.ts';
import { sql } from 'kysely';
import { createTestApp, orderBody } from '../api/testing/test-app.ts';
import { parseMoney } from '../platform/money.ts';

const t = await createTestApp();
const bin = path.resolve(import.meta.dirname, '../../bin/regulars.mjs');
const CDNOW = path.resolve(import.meta.dirname, '../../../shared/data/cdnow/cdnow_sample_transactions.csv');
const dir = await mkdtemp(path.join(tmpdir(), 'regulars-import-'));

function regulars(...args: string[]) {
  return regularsOn(t.url, ...args);
}

function regularsOn(databaseUrl: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
}

async function file(name: string, text: string) {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

describe('money in import files', () => {
  it.each([
    ['29.33', 'USD', 2933],
    ['29.3', 'USD', 2930],
    ['1,299.00', 'USD', 129900],
    ['500', 'JPY', 500],
    ['29.333', 'USD', undefined],
    ['abc', 'USD', undefined],
  ])('%s %s → %s', (text, currency, expected) => {
    expect(parseMoney(text, currency)).toBe(expected);
  });
});

describe('regulars import orders', () => {
  it('on a fresh install creates the default program first, as start does, and prints its key', async () => {
    const fresh = await createTestApp();
    const orders = await file('first.csv', 'customer_id,email,order_id,date,amount,currency\nc1,ada@example.com,1001,2026-01-05,54.00,USD\n');
    const run = regularsOn(fresh.url, 'import', 'orders', orders);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Created the default program prg_\w+ \(USD\)\. Its secret API key, shown only now:\s+sk_[\w-]+/);
    expect(run.stdout).toContain('1 new orders and 1 new customers');
    const key = /\s(sk_[\w-]+)/.exec(run.stdout)![1]!;
    const listed = await fresh.app.inject({ method: 'GET', url: '/v1/orders', headers: { authorization: `Bearer ${key}` } });
    expect(listed.json().data).toHaveLength(1);
    expect(regularsOn(fresh.url, 'import', 'orders', orders).stdout).not.toContain('Created the default program');
  });

  it('loads the CDNOW log as history: every customer and order once, and again changes nothing', async () => {
    const api = await t.newProgram({ name: 'CDNOW' });
    const first = regulars('import', 'orders', CDNOW, '--program', api.programId);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('6919 orders read (plain format), 0 rows skipped');
    expect(first.stdout).toMatch(/6919 new orders and 2357 new customers/);
    const again = regulars('import', 'orders', CDNOW, '--program', api.programId);
    expect(again.stdout).toMatch(/0 new orders and 0 new customers/);
    const customer = (await api.get('/v1/customers?external_id=1')).body.data[0];
    expect(customer).toMatchObject({ orders_count: 4, total_spent: 2933 + 2973 + 1496 + 2648, points_balance: 0, first_order_at: '1997-01-01T00:00:00.000Z' });
  }, 60_000);

  it('reports bad rows with their line numbers, skips them and loads the rest', async () => {
    const api = await t.newProgram();
    const p = await file('bad.csv', 'customer_id,email,order_id,date,amount,currency\nc1,a@x.com,o1,2025-01-02,10.00,USD\nc2,,o2,2025-13-40,5,USD\n,,o3,2025-01-03,5,USD\nc4,,o4,2025-01-04,5.999,USD\nc5,,o5,2025-01-05,7.50,EUR\nc6,,o6,2025-01-06,3,\n');
    const run = regulars('import', 'orders', p, '--program', api.programId);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('line 3: date "2025-13-40" is not YYYY-MM-DD');
    expect(run.stderr).toContain('line 4: customer_id or email is required');
    expect(run.stderr).toContain('line 5: amount "5.999" is not a non-negative decimal');
    expect(run.stderr).toContain("line 6: currency EUR is not the store's (USD)");
    expect(run.stdout).toMatch(/2 new orders and 2 new customers/);
    expect((await api.get('/v1/orders?external_id=o6')).body.data[0]).toMatchObject({ total: 300 });
  });

  it("reads Shopify's orders export: one order over several line-item rows, cancelled orders skipped", async () => {
    const api = await t.newProgram();
    const p = await file(
      'shopify.csv',
      [
        'Name,Email,Financial Status,Created at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Lineitem quantity,Lineitem name,Cancelled at,Lineitem price,Lineitem sku',
        '#1001,ada@example.com,paid,2025-03-01 10:00:00 +0000,USD,45.00,5.00,0.00,50.00,5.00,1,Mug,,35.00,MUG-1',
        '#1001,,,,,,,,,,2,Spoon,,7.50,',
        '#1002,bob@example.com,refunded,2025-03-02 11:00:00 +0000,USD,10.00,0.00,0.00,10.00,0.00,1,Cup,2025-03-03 09:00:00 +0000,10.00,CUP',
        '"#1003","ada@example.com","paid","2025-03-05 10:00:00 +0000","USD","1,200.00","0.00","0.00","1,200.00","0.00","1","Kettle, steel","","1,200.00","KET"',
        '#1003,,,,,,,,,,two,Filter,,1.00,',
      ].join('\n'),
    );
    const run = regulars('import', 'orders', p, '--program', api.programId);
    expect(run.stdout).toContain('2 orders read (shopify format), 1 rows skipped');
    expect(run.stderr).toContain('line 6: line item "Filter"');
    const ada = (await api.get('/v1/customers?email=ada@example.com')).body.data[0];
    expect(ada).toMatchObject({ orders_count: 2, total_spent: 5000 + 120000 });
    expect((await api.get('/v1/orders?external_id=%231001')).body.data[0].line_items).toEqual([
      { product_id: 'MUG-1', sku: 'MUG-1', title: 'Mug', quantity: 1, unit_price: 3500 },
      { product_id: 'Spoon', title: 'Spoon', quantity: 2, unit_price: 750 },
    ]);
    expect((await api.get('/v1/orders?external_id=%231001')).body.data[0]).toMatchObject({ subtotal: 5000, discount: 500, shipping: 500, total: 5000 });
  });

  it('keeps every customer\'s order statistics equal to their orders when rows overlap what is there', async () => {
    const api = await t.newProgram();
    await api.post('/v1/orders', orderBody({ external_id: 'o1', customer: { external_id: 'old', email: 'old@x.com' }, subtotal: 1000, total: 1000, line_items: [], placed_at: '2025-01-10T12:00:00Z' }));
    const p = await file(
      'overlap.csv',
      [
        'customer_id,email,order_id,date,amount,currency',
        'old,old@x.com,o2,2025-02-01,20.00,USD', // a known customer's new order
        'new1,n1@x.com,o1,2025-03-01,99.00,USD', // an order already there (another customer's): skipped
        'new1,n1@x.com,o3,2025-03-05,5.00,USD',
        'new1,n1@x.com,o3,2025-03-06,7.00,USD', // the same order twice in the file: refused, line 5
        ',n2@x.com,o4,2025-04-01,3.00,USD', // by email only...
        'new2,N2@x.com,o5,2025-04-02,4.00,USD', // ...and the same shopper by id: one customer
        'new3,n3@x.com,o6,2025-05-01,8.00,USD',
      ].join('\n') + '\n',
    );
    const run = regulars('import', 'orders', p, '--program', api.programId);
    expect(run.stderr).toContain('line 5: order o3 is already on line 4');
    expect(run.stdout).toMatch(/5 new orders/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers where program_id = ${api.programId}`.execute(t.db);
    expect(rows[0]!.n).toBe(4);
    expect(await verifyOrderStats(t.db)).toEqual([]);
    expect((await api.get('/v1/customers?external_id=new1')).body.data[0]).toMatchObject({ orders_count: 1, total_spent: 500 });
    expect((await api.get('/v1/customers?external_id=old')).body.data[0]).toMatchObject({ orders_count: 2, total_spent: 3000 });
  });

  it('with --award-points, past orders earn under today\'s rules, once', async () => {
    const api = await t.newProgram();
    const p = await file('award.csv', 'customer_id,date,amount\nx1,2025-02-01,54.00\nx1,2025-02-01,10.00\nx2,2025-02-03,5.50\n');
    const run = regulars('import', 'orders', p, '--program', api.programId, '--award-points');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 new orders with their points');
    regulars('import', 'orders', p, '--program', api.programId, '--award-points');
    const x1 = (await api.get('/v1/customers?external_id=x1')).body.data[0];
    expect(x1).toMatchObject({ orders_count: 2, points_balance: 64 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });
});

describe('regulars import customers', () => {
  it('adds new customers, fills in known ones, and a second run changes nothing', async () => {
    const api = await t.newProgram();
    await api.post('/v1/customers', { email: 'known@example.com' });
    const p = await file(
      'customers.csv',
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Tags\n101,Ada,Lovelace,ada@example.com,yes,"vip, wholesale"\n102,Known,Person,known@example.com,no,\n103,,,not-an-email,,\n',
    );
    const first = regulars('import', 'customers', p, '--program', api.programId);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain('line 4: email "not-an-email" is not an email address');
    expect(first.stdout).toContain('2 customers read, 1 rows skipped: 1 new, 1 updated');
    expect(regulars('import', 'customers', p, '--program', api.programId).stdout).toContain('0 new, 0 updated');
    expect((await api.get('/v1/customers?external_id=101')).body.data[0]).toMatchObject({ first_name: 'Ada', marketing_consent: true, tags: ['vip', 'wholesale'] });
    expect((await api.get('/v1/customers?email=known@example.com')).body.data[0]).toMatchObject({ external_id: '102', first_name: 'Known' });
  });
});

describe('regulars import balances', () => {
  it('dry-runs, imports and re-imports a Smile.io file, with progress and one summary line', async () => {
    const api = await t.newProgram({ name: 'Moving from Smile' });
    const balances = await file('smile.csv', 'email,points\nmover@example.com,250\nwrong,3\n');
    const dry = regulars('import', 'balances', balances, '--format', 'smile', '--dry-run', '--program', api.programId);
    expect(dry.status).toBe(2);
    expect(dry.stderr).toContain('line 3: email "wrong" is not an email address');
    expect(dry.stdout).toContain('2 rows: would import 1 balances (250 points, 0 pending), 1 new customers');
    expect(dry.stdout).toContain('(dry run: nothing was changed)');
    expect((await api.get('/v1/customers?email=mover@example.com')).body.data).toEqual([]);
    expect(regulars('import', 'balances', balances, '--format', 'smile', '--program', api.programId).stdout).toContain('imported 1 balances (250 points');
    expect(regulars('import', 'balances', balances, '--format', 'smile', '--program', api.programId).stdout).toContain('1 already imported from this file');
    expect((await api.get('/v1/customers?email=mover@example.com')).body.data[0].points_balance).toBe(250);
    expect(regulars('import', 'balances', balances, '--format', 'yotpo').stderr).toContain('--format must be smile, loyaltylion or plain');
  });
});
