import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from '../api/testing/test-app.ts';

const t = await createTestApp();
const bin = path.resolve(import.meta.dirname, '../../bin/regulars.mjs');

function regulars(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8' });
}

describe('regulars verify', () => {
  it('exits 0 on a clean ledger and 1 listing each difference', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody())).body;
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'half', amount: 2700 });
    const later = (await api.post('/v1/orders', orderBody({ placed_at: '2026-12-01T00:00:00Z' }))).body;
    await api.post(`/v1/orders/${later.id}/cancel`);
    const clean = regulars('verify');
    expect(clean.stdout).toContain('ledger OK');
    expect(clean.status).toBe(0);
    await sql`update customers set points_pending = 3, orders_count = 2 where id = ${order.customer_id}`.execute(t.db);
    const broken = regulars('verify', '--json');
    expect(broken.status).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        { kind: 'balance_mismatch', id: order.customer_id, detail: 'points_pending: stored 3, ledger 0' },
        { kind: 'hold_mismatch', id: order.customer_id, detail: 'pending 3, on hold 0' },
        { kind: 'order_stats_mismatch', id: order.customer_id, detail: expect.stringMatching(/^stored 2 orders, 3200 spent, .*; the orders say 1 orders, 3200 spent, /) },
      ]),
    );
  });
});
