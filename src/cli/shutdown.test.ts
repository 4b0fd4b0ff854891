import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { keepSending, startRegulars, type RegularsProcess } from './testing/regulars-process.ts';

const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-shutdown-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Outcome {
  externalId: string;
  status: number;
  code?: string;
  sentAt: number;
  answeredAt: number;
}

async function placeOrder(server: RegularsProcess, key: string, externalId: string): Promise<Outcome> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ external_id: externalId, customer: { external_id: `shopper-${externalId}` }, currency: 'USD', subtotal: 1000, total: 1000 }),
    });
    const body = (await response.json()) as { error?: { code: string } };
    return { externalId, status: response.status, code: body.error?.code, sentAt, answeredAt: Date.now() };
  } catch {
    return { externalId, status: 0, sentAt, answeredAt: Date.now() };
  }
}

describe('SIGTERM during a load of orders', () => {
  // Two real starts of the embedded PostgreSQL (the load, then the clean restart): more than the default 30 s on a busy 2-core machine.
  it('finishes in-flight requests, loses nothing acknowledged, stops the embedded PostgreSQL, and the next start is clean', { timeout: 90_000 }, async () => {
    const server = await startRegulars({ REGULARS_DATA_DIR: dataDir, DATABASE_URL: undefined });
    const key = server.apiKey!;
    const outcomes: Outcome[] = [];
    let signalledAt = Infinity;
    const stopped = server.exited;
    const load = keepSending(8, stopped, async (n) => outcomes.push(await placeOrder(server, key, `order-${n}`)));
    while (outcomes.filter((o) => o.status === 201).length < 50) await new Promise((resolve) => setTimeout(resolve, 20));
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
    await load;

    expect(server.output()).toContain('SIGTERM: stopping');
    expect(server.output()).toContain('stopped');
    // Requests already running when the signal came were answered, not cut off.
    expect(outcomes.some((o) => o.sentAt < signalledAt && o.answeredAt > signalledAt && o.status === 201)).toBe(true);
    const answered = outcomes.filter((o) => o.status !== 0);
    for (const o of answered) expect([201, 503], JSON.stringify(o)).toContain(o.status);
    for (const o of answered.filter((a) => a.status === 503)) expect(o.code).toBe('shutting_down');
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    await expect(readFile(pidFile)).rejects.toThrow(); // PostgreSQL shut down cleanly

    const again = await startRegulars({ REGULARS_DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(again.output()).not.toMatch(/orphaned|stale/);
    const { password } = JSON.parse(await readFile(path.join(dataDir, 'postgres.credentials.json'), 'utf8')) as { password: string };
    const { port } = JSON.parse(await readFile(path.join(dataDir, 'postgres.owner.json'), 'utf8')) as { port: number };
    const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    await client.connect();
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.externalId);
    const { rows } = await client.query('select count(*)::int as n from orders where external_id = any($1)', [acknowledged]);
    await client.end();
    expect(rows[0].n).toBe(acknowledged.length);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
