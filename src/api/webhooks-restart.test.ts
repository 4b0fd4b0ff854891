import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../platform/free-port.ts';
import { createTestApp, orderBody } from './testing/test-app.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';

const t = await createTestApp('2026-08-01T12:00:00Z', { webhookAllowedHosts: ['127.0.0.1'] });
const running: ChildProcess[] = [];
afterAll(() => running.forEach((p) => p.kill('SIGKILL')));

/** `regulars start` on this file's database, as an operator runs it; resolves once it listens. */
async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../../bin/regulars.mjs'), 'start'], {
    env: { ...process.env, DATABASE_URL: t.url, PORT: String(port), HOST: '127.0.0.1', REGULARS_DATA_DIR: dataDir, REGULARS_ENCRYPTION_KEY: '07'.repeat(32), REGULARS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', REGULARS_WEBHOOK_RETRY_SECONDS: '0,1,1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Regulars is running')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`regulars start exited (${code}): ${output}`)));
  });
  return child;
}

describe('webhooks across a crash', () => {
  it('still delivers, with the same webhook-id, when the server is killed between the change and the delivery', { timeout: 90_000 }, async () => {
    const api = await t.newProgram();
    const receiver = await startWebhookReceiver();
    const { secret } = (await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['points.earned'] })).body;
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-webhooks-'));
    const first = await startServer(port, dataDir);
    receiver.answer('hang');
    const placed = await fetch(`http://127.0.0.1:${port}/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/json' }, body: JSON.stringify(orderBody()) });
    expect(placed.status).toBe(201);
    // The server has sent the delivery and waits for the answer: kill it there, without a chance to record anything.
    await receiver.waitFor(1);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    await startServer(port, dataDir);
    const [lost, delivered] = await receiver.waitFor(2, 60_000);
    expect(delivered!.headers['webhook-id']).toBe(lost!.headers['webhook-id']);
    expect(new Webhook(secret).verify(delivered!.body, delivered!.headers as Record<string, string>)).toMatchObject({ type: 'points.earned' });
  });
});
