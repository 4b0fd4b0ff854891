import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresToolsPresent, startPostgresCluster, type PostgresCluster } from '../platform/testing/postgres-cluster.ts';
import { startRegulars } from './testing/regulars-process.ts';

async function query<R>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresToolsPresent())('DATABASE_READ_URL: a streaming standby for analytics', () => {
  const clusters: PostgresCluster[] = [];
  afterAll(async () => {
    for (const c of clusters.reverse()) await c.destroy();
  });

  it('serves reports from the standby while writes go to the primary', async () => {
    const primary = await startPostgresCluster();
    clusters.push(primary);
    await query(primary.url(), 'create database regulars');
    const standby = await primary.standby(); // pg_basebackup -R of the primary
    clusters.push(standby);
    const server = await startRegulars({ DATABASE_URL: primary.url('regulars'), DATABASE_READ_URL: standby.url('regulars') });
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${server.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });

    for (const n of [1, 2, 3]) {
      const placed = await call('POST', '/v1/orders', { external_id: `o${n}`, customer: { external_id: `c${n % 2}` }, currency: 'USD', subtotal: 2000, total: 2000, placed_at: '2026-06-0' + n + 'T10:00:00Z' });
      expect(placed.status).toBe(201); // the standby is read-only: a write sent there would fail
    }
    const deadline = Date.now() + 10_000;
    while ((await query<{ n: number }>(standby.url('regulars'), 'select count(*)::int as n from orders'))[0]!.n < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const report = await call('GET', '/v1/analytics/report?from=2026-01-01&to=2027-01-01');
    expect(report.status).toBe(200);
    expect(JSON.stringify(await report.json())).toContain('"orders":3');
    const readers = (url: string) => query<{ n: number }>(url, "select count(*)::int as n from pg_stat_activity where application_name = 'regulars-reports'");
    expect((await readers(standby.url()))[0]!.n).toBeGreaterThan(0);
    expect((await readers(primary.url()))[0]!.n).toBe(0);

    // Without the standby, reports are unavailable; orders are not.
    await standby.stop('immediate');
    expect((await call('GET', '/v1/analytics/report?from=2026-01-01&to=2027-01-01')).status).toBe(503);
    expect((await call('POST', '/v1/orders', { external_id: 'o4', customer: { external_id: 'c4' }, currency: 'USD', subtotal: 100, total: 100 })).status).toBe(201);
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
