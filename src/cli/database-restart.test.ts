import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { connect } from '../platform/db/database.ts';
import { startPostgresCluster } from '../platform/testing/postgres-cluster.ts';
import { keepSending, startRegulars, type RegularsProcess } from './testing/regulars-process.ts';

const cluster = await startPostgresCluster();
afterAll(() => cluster.destroy());

interface Outcome {
  externalId: string;
  status: number;
  errorType?: string;
  retryAfter?: string | null;
}

async function placeOrder(server: RegularsProcess, externalId: string): Promise<Outcome> {
  try {
    const response = await fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ external_id: externalId, customer: { external_id: `shopper-${externalId}` }, currency: 'USD', subtotal: 1000, total: 1000 }),
    });
    const body = (await response.json()) as { error?: { type: string } };
    return { externalId, status: response.status, errorType: body.error?.type, retryAfter: response.headers.get('retry-after') };
  } catch {
    return { externalId, status: 0 };
  }
}

const until = (condition: () => boolean, timeoutMs: number, what = () => '') =>
  new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = setInterval(() => {
      if (condition()) resolve(clearInterval(check));
      else if (Date.now() > deadline) {
        clearInterval(check);
        reject(new Error(`timed out ${what()}`));
      }
    }, 50);
  });

describe('a PostgreSQL restart while orders stream in', () => {
  it('keeps the process up: 503 unavailable with Retry-After during the outage, serving again after, no acknowledged order lost', async () => {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('create database regulars');
    await admin.end();
    const server = await startRegulars({ DATABASE_URL: cluster.url('regulars') });
    expect(server.apiKey).toBeDefined();

    let phase = 'before';
    const outcomes: (Outcome & { phase: string })[] = [];
    const record = (o: Outcome) => outcomes.push({ ...o, phase });
    const seen = (p: string, test: (o: Outcome) => boolean) => outcomes.some((o) => o.phase === p && test(o));
    const state = () => `in phase ${phase}; last outcomes ${JSON.stringify(outcomes.slice(-3))}; exit ${server.child.exitCode}; output:\n${server.output()}`;
    const load = keepSending(8, until(() => phase === 'done', 60_000), async (n) => record(await placeOrder(server, `order-${n}`)));

    await until(() => seen('before', (o) => o.status === 201), 10_000, state);
    for (const round of [1, 2, 3]) {
      phase = `restart ${round}`;
      await cluster.restart('fast'); // as an operator would: pg_ctl restart -m fast
      await until(() => seen(`restart ${round}`, (o) => o.status === 201), 15_000, state);
    }
    phase = 'outage';
    await cluster.stop('fast');
    await until(() => seen('outage', (o) => o.status === 503), 15_000, state);
    phase = 'back';
    await cluster.start();
    const backAt = Date.now();
    await until(() => seen('back', (o) => o.status === 201), 15_000, state);
    const recoveredInMs = Date.now() - backAt;
    phase = 'done';
    await load;

    expect(server.child.exitCode, server.output()).toBeNull();
    expect(server.output()).not.toMatch(/Unhandled 'error' event|uncaught/i);
    expect(recoveredInMs).toBeLessThan(10_000);
    const failures = outcomes.filter((o) => o.status !== 201 && o.status !== 200);
    for (const failure of failures) expect(failure, JSON.stringify(failure)).toMatchObject({ status: 503, errorType: 'unavailable', retryAfter: expect.stringMatching(/^\d+$/) });

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.externalId);
    const db = connect(cluster.url('regulars'), 2);
    const stored = await db.selectFrom('orders').select('external_id').where('external_id', 'in', acknowledged).execute();
    expect(stored).toHaveLength(acknowledged.length);
    expect((await verifyLedger(db)).discrepancies).toEqual([]);
    await db.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
  });
});
