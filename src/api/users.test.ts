import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createSetupLink } from '../users/setup-links.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp();

/** A browser: keeps the cookies it is given, sends the CSRF token and the program on writes. */
function browser(app: FastifyInstance) {
  const cookies = new Map<string, string>();
  let csrf = '';
  let program: string | undefined;
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(program ? { 'regulars-program': program } : {}), ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
    });
    for (const c of response.cookies) cookies.set(c.name, c.value);
    const parsed = response.body && response.headers['content-type']?.toString().includes('json') ? JSON.parse(response.body) : response.body;
    if (parsed?.object === 'session') csrf = parsed.csrf_token;
    return { status: response.statusCode, body: parsed, cookies: response.cookies, headers: response.headers };
  };
  return {
    cookies,
    setCsrf: (token: string) => (csrf = token),
    useProgram: (id: string) => (program = id),
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}, headers?: Record<string, string>) => send('POST', url, body, headers),
    patch: (url: string, body: unknown = {}) => send('PATCH', url, body),
    delete: (url: string) => send('DELETE', url),
  };
}

async function ownerOf(api: ApiClient) {
  const token = await createSetupLink(t.db, 'setup', null, t.clock.now());
  const owner = browser(t.app);
  expect((await owner.get(`/v1/setup-links/${token}`)).body).toEqual({ object: 'setup_link', purpose: 'setup', email: null });
  const created = await owner.post(`/v1/setup-links/${token}`, { email: `owner-${api.programId}@example.com`, password: 'correct horse battery' });
  expect(created.status).toBe(201);
  owner.useProgram(api.programId);
  return { owner, token, email: `owner-${api.programId}@example.com` };
}

async function userWithRole(owner: ReturnType<typeof browser>, programId: string, role: string) {
  const email = `${role}-${programId}@example.com`;
  const invited = await owner.post('/v1/users', { email, role });
  expect(invited.status).toBe(201);
  const token = new URL(invited.body.invite_url).searchParams.get('token')!;
  const user = browser(t.app);
  expect((await user.get(`/v1/setup-links/${token}`)).body).toMatchObject({ purpose: 'invite', email });
  expect((await user.post(`/v1/setup-links/${token}`, { password: 'a long enough password' })).status).toBe(201);
  user.useProgram(programId);
  return user;
}

describe('dashboard users, sessions and roles', () => {
  it('the setup link makes the first owner, works once, and signs them in with an HttpOnly cookie', async () => {
    const api = await t.newProgram({ name: 'Setup store' });
    const { owner, token, email } = await ownerOf(api);
    const session = await owner.get('/v1/session');
    expect(session.body).toMatchObject({ object: 'session', user: { email }, program: { id: api.programId, role: 'owner' } });
    expect(session.body.programs.map((p: { id: string }) => p.id)).toContain(api.programId);
    const cookie = (await browser(t.app).post('/v1/session', { email, password: 'correct horse battery' })).cookies.find((c) => c.name === 'regulars_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await browser(t.app).post(`/v1/setup-links/${token}`, { email: 'again@example.com', password: 'correct horse battery' })).body.error.code).toBe('setup_link_not_found');
    const hash = await t.db.selectFrom('admin_users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password or email alike, a short password, and writes without the CSRF token', async () => {
    const api = await t.newProgram();
    const { owner, email } = await ownerOf(api);
    const wrongPassword = await browser(t.app).post('/v1/session', { email, password: 'not the password' });
    const wrongEmail = await browser(t.app).post('/v1/session', { email: 'nobody@example.com', password: 'not the password' });
    expect([wrongPassword.status, wrongPassword.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect(wrongEmail.body.error).toEqual(wrongPassword.body.error);
    const short = await browser(t.app).post(`/v1/setup-links/${await createSetupLink(t.db, 'setup', null, t.clock.now())}`, { email: 'short@example.com', password: 'short' });
    expect([short.status, short.body.error.code, short.body.error.param]).toEqual([400, 'password_too_short', 'password']);
    owner.setCsrf('forged');
    const forged = await owner.post('/v1/rewards', { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 500 });
    expect([forged.status, forged.body.error.code]).toEqual([403, 'invalid_csrf_token']);
    await owner.get('/v1/session');
    expect((await api.get('/v1/rewards')).body.data).toHaveLength(0);
  });

  it('each role is refused what it may not do, by the API', async () => {
    const api = await t.newProgram();
    const { owner } = await ownerOf(api);
    const customer = (await api.post('/v1/customers', { external_id: 'c-1', email: 'c1@example.com' })).body;
    const reward = { name: '$5 off', type: 'amount_off', amount: 500, points_cost: 500 };
    const viewer = await userWithRole(owner, api.programId, 'viewer');
    const support = await userWithRole(owner, api.programId, 'support');
    const marketer = await userWithRole(owner, api.programId, 'marketer');
    const admin = await userWithRole(owner, api.programId, 'admin');

    expect((await viewer.get(`/v1/customers/${customer.id}`)).status).toBe(200);
    const viewerWrite = await viewer.post(`/v1/customers/${customer.id}/adjustments`, { points: 10, reason: 'goodwill' });
    expect([viewerWrite.status, viewerWrite.body.error.code]).toEqual([403, 'role_not_allowed']);

    expect((await support.post(`/v1/customers/${customer.id}/adjustments`, { points: 100, reason: 'late parcel' })).status).toBe(201);
    const overLimit = await support.post(`/v1/customers/${customer.id}/adjustments`, { points: 5000, reason: 'too generous' });
    expect([overLimit.status, overLimit.body.error.code]).toEqual([403, 'adjustment_over_limit']);
    expect((await support.patch('/v1/program', { name: 'Renamed by support' })).body.error.code).toBe('role_not_allowed');
    expect((await support.post('/v1/rewards', reward)).status).toBe(403);

    expect((await marketer.post('/v1/rewards', reward)).status).toBe(201);
    expect((await marketer.patch('/v1/program', { name: 'Spring program' })).status).toBe(200);
    expect((await marketer.patch('/v1/program', { support_adjustment_limit: 99999 })).body.error.code).toBe('role_not_allowed');
    expect((await marketer.post('/v1/api-keys', { label: 'mine' })).status).toBe(403);
    expect((await marketer.post('/v1/users', { email: 'x@example.com', role: 'viewer' })).status).toBe(403);
    expect((await marketer.post(`/v1/customers/${customer.id}/adjustments`, { points: 10, reason: 'x' })).status).toBe(403);

    expect((await admin.post('/v1/users', { email: 'new-owner@example.com', role: 'owner' })).body.error.code).toBe('owner_only');
    expect((await admin.patch('/v1/program', { support_adjustment_limit: 50 })).status).toBe(200);
    expect((await support.post(`/v1/customers/${customer.id}/adjustments`, { points: 60, reason: 'over the new limit' })).status).toBe(403);

    const ledger = (await api.get(`/v1/customers/${customer.id}/transactions`)).body.data;
    expect(ledger).toHaveLength(1);
    expect(ledger[0].explanation ?? ledger[0]).toBeTruthy();
    expect(JSON.stringify(ledger[0])).toContain(`support-${api.programId}@example.com`);
  });

  it('a program keeps an owner; users see only their programs', async () => {
    const api = await t.newProgram();
    const other = await t.newProgram({ name: 'Another store' });
    const { owner } = await ownerOf(api);
    const admin = await userWithRole(owner, api.programId, 'admin');
    const me = (await owner.get('/v1/session')).body.user;
    expect((await owner.patch(`/v1/users/${me.id}`, { role: 'admin' })).body.error.code).toBe('last_owner');
    expect((await admin.delete(`/v1/users/${me.id}`)).body.error.code).toBe('owner_only');
    admin.useProgram(other.programId);
    const elsewhere = await admin.get('/v1/customers');
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'program_not_allowed']);
    const users = (await owner.get('/v1/users')).body.data;
    expect(users.map((u: { role: string }) => u.role).sort()).toEqual(['admin', 'owner']);
  });

  it('signing out ends the session on the server; API keys are made, shown once and revoked', async () => {
    const api = await t.newProgram();
    const { owner } = await ownerOf(api);
    const key = await owner.post('/v1/api-keys', { label: 'Zapier' });
    expect(key.status).toBe(201);
    expect(key.body).toMatchObject({ object: 'api_key', label: 'Zapier', revoked_at: null });
    expect(key.body.secret).toMatch(/^sk_/);
    const listed = (await owner.get('/v1/api-keys')).body.data;
    expect(listed.find((k: { id: string }) => k.id === key.body.id).secret).toBeUndefined();
    const byKey = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key.body.secret}` } });
    expect((await byKey('/v1/program')).statusCode).toBe(200);
    expect((await owner.post(`/v1/api-keys/${key.body.id}/revoke`)).body.revoked_at).not.toBeNull();
    expect((await byKey('/v1/program')).statusCode).toBe(401);
    const session = owner.cookies.get('regulars_session')!;
    expect((await owner.delete('/v1/session')).status).toBe(204);
    const replayed = await t.app.inject({ method: 'GET', url: '/v1/customers', headers: { cookie: `regulars_session=${session}` } });
    expect([replayed.statusCode, JSON.parse(replayed.body).error.code]).toEqual([401, 'not_signed_in']);
  });

  it('the audit log says who changed what, before and after, and why, and never keeps a secret', async () => {
    const api = await t.newProgram();
    const { owner, email } = await ownerOf(api);
    const customer = (await api.post('/v1/customers', { external_id: 'c-2', email: 'c2@example.com' })).body;
    const adjust = () => owner.post(`/v1/customers/${customer.id}/adjustments`, { points: 40, reason: 'parcel arrived late' }, { 'idempotency-key': `late-${customer.id}` });
    await adjust();
    expect((await adjust()).headers['idempotent-replayed']).toBe('true');
    const rule = (await api.get('/v1/earning-rules')).body.data[0];
    await owner.patch(`/v1/earning-rules/${rule.id}`, { points: 3 });
    await owner.post('/v1/api-keys', { label: 'Warehouse' });
    const adjusted = (await owner.get(`/v1/audit-log?object_id=${customer.id}`)).body.data;
    expect(adjusted).toHaveLength(1);
    expect(adjusted[0]).toMatchObject({ actor_name: email, action: 'adjust_points', subject: { type: 'customer', id: customer.id }, reason: 'parcel arrived late' });
    expect(adjusted[0].before.points_balance).toBe(0);
    expect(adjusted[0].after.points).toBe(40);
    const changed = (await owner.get(`/v1/audit-log?object_id=${rule.id}`)).body.data[0];
    expect([changed.action, changed.before.points, changed.after.points]).toEqual(['update_earning_rule', rule.points, 3]);
    const byOwner = (await api.get(`/v1/audit-log?actor=${email}`)).body.data;
    expect(byOwner.map((e: { action: string }) => e.action)).toEqual(['create_api_key', 'update_earning_rule', 'adjust_points']);
    expect(byOwner[0].after.secret).toBe('[redacted]');
    expect((await api.get('/v1/audit-log?action=upsert_customer')).body.data).toHaveLength(0);
    await expect(t.db.deleteFrom('audit_log').where('program_id', '=', api.programId).execute()).rejects.toThrow(/append-only/);
  });

  it('the audit log exports as CSV with the same filters, every page of it, formulas defused', async () => {
    const api = await t.newProgram();
    const { owner, email } = await ownerOf(api);
    const customer = (await api.post('/v1/customers', { external_id: 'c-csv', email: 'csv@example.com' })).body;
    for (const reason of ['=HYPERLINK("http://evil")', 'goodwill, "quoted"'])
      expect((await owner.post(`/v1/customers/${customer.id}/adjustments`, { points: 5, reason })).status).toBe(201);
    const exported = await owner.get(`/v1/audit-log/export?object_id=${customer.id}`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="audit-log.csv"');
    const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.actor_name, r.action, r.object_id, r.reason])).toEqual([
      [email, 'adjust_points', customer.id, 'goodwill, "quoted"'],
      [email, 'adjust_points', customer.id, `'=HYPERLINK("http://evil")`],
    ]);
    expect(JSON.parse(rows[0]!.after!).points).toBe(5);
    // More entries than one page of the export's walk: every one of them arrives, once.
    await t.db
      .insertInto('audit_log')
      .values(Array.from({ length: 2100 }, (_, i) => ({ id: `aud_bulk${String(i).padStart(5, '0')}${api.programId}`, program_id: api.programId, actor: 'key:bulk', action: 'bulk', details: '{}', created_at: t.clock.now() })))
      .execute();
    const all = parse((await owner.get('/v1/audit-log/export?action=bulk')).body, { columns: true }) as { id: string }[];
    expect(new Set(all.map((r) => r.id)).size).toBe(2100);
    expect((await owner.get('/v1/audit-log/export?object_id=' + 'x'.repeat(65))).status).toBe(400);
  });

  it('sessions end after being idle too long', async () => {
    const api = await t.newProgram();
    const { owner } = await ownerOf(api);
    t.clock.set(new Date(t.clock.now().getTime() + 9 * 3600_000));
    expect((await owner.get('/v1/customers')).body.error.code).toBe('not_signed_in');
  });

  it('sign-in is rate limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await browser(t.app).post('/v1/session', { email: 'rate@example.com', password: 'wrong password' })).status);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThan(0);
    expect(statuses.slice(0, limited).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(limited).every((s) => s === 429)).toBe(true);
  });
});
