import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../api/testing/test-app.ts';
import { deliverDueEmails } from '../workflows/emails/email-delivered.ts';
import { queueDueEmails } from '../workflows/emails/email-queued.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');
const bin = path.resolve(import.meta.dirname, '../../bin/regulars.mjs');
const regulars = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8' });

describe('regulars emails outbox', () => {
  it('lists what the flows rendered without SMTP, and prints one message’s text', async () => {
    const api = await t.newProgram({ name: 'Demo Coffee' });
    await api.post('/v1/customers', { email: 'sam@example.com', first_name: 'Sam', marketing_consent: true });
    await queueDueEmails(t.deps);
    while ((await deliverDueEmails(t.deps, { transport: undefined, from: 'Regulars <no-reply@regulars.test>', publicUrl: 'https://loyalty.example', retrySeconds: [] })) > 0);

    const listed = regulars('emails', 'outbox', '--program', api.programId);
    expect(listed.status).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('sam@example.com'))!;
    expect(line).toMatch(/^eml_\S+\s+2026-08-01 12:00\s+outbox\s+welcome\s+sam@example\.com/);

    const id = line.split(/\s+/)[0]!;
    const shown = regulars('emails', 'outbox', '--program', api.programId, '--show', id);
    expect(shown.stdout).toContain('To: sam@example.com');
    expect(shown.stdout).toContain('Sam');
    expect(shown.stdout).toContain('https://loyalty.example/u/');

    const json = JSON.parse(regulars('emails', 'outbox', '--program', api.programId, '--status', 'all', '--json').stdout) as { flow: string; status: string }[];
    expect(json.map((m) => [m.flow, m.status]).sort()).toEqual([['welcome', 'outbox'], ['welcome', 'queued'], ['welcome', 'queued']]);
  });
});
