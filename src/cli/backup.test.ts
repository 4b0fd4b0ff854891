import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { client, TEST_SECRETS } from '../api/testing/test-app.ts';
import { buildApp } from '../api/app.ts';
import { ManualClock } from '../platform/clock.ts';
import { connect } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { postgresToolsPresent, startPostgresCluster } from '../platform/testing/postgres-cluster.ts';
import { createProgram } from '../programs/program-store.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/regulars.mjs');

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(!postgresToolsPresent())('a backup as docs/operations.md describes it', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('pg_dump of a live program restores into a fresh database that regulars verify finds clean, balances and all', async () => {
    const cluster = await startPostgresCluster();
    cleanups.push(() => cluster.destroy());
    const folder = await mkdtemp(path.join(tmpdir(), 'regulars-backup-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await sql(cluster.url(), 'create database regulars');
    const db = connect(cluster.url('regulars'), 4);
    await migrate(db);
    const clock = new ManualClock('2026-03-02T12:00:00Z');
    const app = await buildApp({ db, readDb: db, clock, secrets: TEST_SECRETS });
    const { program, apiKey } = await createProgram(db, { name: 'Backed up', currency: 'USD' }, clock.now());
    const api = client(app, program.id, apiKey);
    const order = (await api.post('/v1/orders', { external_id: 'o1', customer: { external_id: 'ada' }, currency: 'USD', subtotal: 5400, total: 5400 })).body;
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r1', amount: 2700 });
    const reward = (await api.post('/v1/rewards', { name: '1 off', type: 'amount_off', amount: 100, points_cost: 10 })).body.id;
    await api.post(`/v1/customers/${order.customer_id}/redemptions`, { reward_id: reward });
    await app.close();
    await db.destroy();

    const dump = path.join(folder, 'regulars.dump');
    // The owner of the cluster writes the file, so the folder must be open to it.
    spawnSync('chmod', ['777', folder]);
    const dumped = cluster.tool('pg_dump', ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '--format=custom', `--file=${dump}`, 'regulars']);
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    await sql(cluster.url(), 'create database restored');
    const restored = cluster.tool('pg_restore', ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '--dbname=restored', '--no-owner', '--exit-on-error', dump]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);

    const verify = spawnSync(process.execPath, [bin, 'verify'], { env: { ...process.env, DATABASE_URL: cluster.url('restored') }, encoding: 'utf8' });
    expect(verify.stdout).toContain('ledger OK');
    expect(verify.status).toBe(0);
    const balances = 'select external_id, points_available, points_reserved, points_earned_lifetime from customers order by external_id';
    expect(await sql(cluster.url('restored'), balances)).toEqual(await sql(cluster.url('regulars'), balances));
    expect(await sql(cluster.url('restored'), balances)).toEqual([{ external_id: 'ada', points_available: 17, points_reserved: 10, points_earned_lifetime: 27 }]);
  });
});
