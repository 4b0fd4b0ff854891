import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
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
