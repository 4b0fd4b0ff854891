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
});
