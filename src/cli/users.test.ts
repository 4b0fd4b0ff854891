import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../api/testing/test-app.ts';

const t = await createTestApp();
const bin = path.resolve(import.meta.dirname, '../../bin/regulars.mjs');

const regulars = (input: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8', input });

describe('regulars users create', () => {
  it('makes an owner headless, who can then sign in; a short password or an unknown role is refused', async () => {
    const api = await t.newProgram();
    const made = regulars('a long enough password\n', 'users', 'create', '--email', 'Owner@Example.com', '--role', 'owner', '--program', api.programId, '--password-stdin');
    expect(made.stdout).toContain(`owner of ${api.programId}`);
    expect(made.status).toBe(0);
    const signedIn = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'owner@example.com', password: 'a long enough password' } });
    expect(signedIn.statusCode).toBe(200);
    expect(JSON.parse(signedIn.body).program).toMatchObject({ id: api.programId, role: 'owner' });
    expect(regulars('short', 'users', 'create', '--email', 'x@example.com', '--role', 'owner', '--password-stdin').status).not.toBe(0);
    const badRole = regulars('a long enough password', 'users', 'create', '--email', 'x@example.com', '--role', 'boss', '--password-stdin');
    expect(badRole.status).not.toBe(0);
    expect(badRole.stderr).toContain('--role must be one of');
  });

  it('reset-password prints a one-time link that sets a new password and ends the old sessions', async () => {
    const api = await t.newProgram();
    expect(regulars('the first password', 'users', 'create', '--email', 'forgot@example.com', '--role', 'admin', '--program', api.programId, '--password-stdin').status).toBe(0);
    const signIn = (password: string) => t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'forgot@example.com', password } });
    const before = (await signIn('the first password')).cookies.find((c) => c.name === 'regulars_session')!.value;
    const printed = regulars('', 'users', 'reset-password', '--email', 'forgot@example.com');
    expect(printed.status).toBe(0);
    const link = new URL(/(http\S+)/.exec(printed.stdout)![1]!);
    expect(link.pathname).toBe('/admin/setup');
    const token = link.searchParams.get('token')!;
    expect(JSON.parse((await t.app.inject({ method: 'GET', url: `/v1/setup-links/${token}` })).body)).toMatchObject({ purpose: 'reset', email: 'forgot@example.com' });
    expect((await t.app.inject({ method: 'POST', url: `/v1/setup-links/${token}`, payload: { password: 'the second password' } })).statusCode).toBe(201);
    expect((await signIn('the first password')).statusCode).toBe(401);
    expect((await signIn('the second password')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: `regulars_session=${before}` } })).statusCode).toBe(401);
    const unknown = regulars('', 'users', 'reset-password', '--email', 'nobody@example.com');
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'No dashboard user has the email nobody@example.com.']);
  });
});

