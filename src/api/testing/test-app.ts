import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { secretBox } from '../../platform/secrets.ts';
import { connect, type Db } from '../../platform/db/database.ts';
import { buildApp, type AppOptions } from '../app.ts';
import { createProgram } from '../../programs/program-store.ts';
import { TEMPLATE_DATABASE, withDatabase } from '../../platform/testing/global-setup.ts';

export const ADMIN_KEY = 'test-admin-key';
/** A fixed encryption key, so a test can open what the app sealed. */
export const TEST_SECRETS = secretBox(Buffer.alloc(32, 7));

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Connection URL of this file's own database. */
  url: string;
  clock: ManualClock;
  /** What the app runs on, for calling workflows and sweeps directly. */
  deps: Deps;
  /** Creates a program (with the default earning rule) and returns a client bound to its key. */
  newProgram(input?: { name?: string; currency?: string; allow_negative_balance?: boolean }): Promise<ApiClient>;
}

export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
}

export interface ApiClient {
  programId: string;
  key: string;
  get(url: string): Promise<ApiResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  patch(url: string, body?: unknown): Promise<ApiResponse>;
  put(url: string, body?: unknown): Promise<ApiResponse>;
  delete(url: string): Promise<ApiResponse>;
}

/**
 * A test file's own database (cloned from the migrated template), app and clock, torn down
 * after the file. Tests talk to the app through `inject`, in process, against real PostgreSQL.
 */
export async function createTestApp(start = '2026-03-02T12:00:00Z', options: Omit<AppOptions, 'adminKey'> = {}): Promise<TestApp> {
  const serverUrl = inject('serverUrl');
  const name = `regulars_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = connect(url, 30);
  const clock = new ManualClock(start);
  const deps: Deps = { db, readDb: db, clock, secrets: TEST_SECRETS, databaseUrl: url };
  const app = await buildApp(deps, { ...options, adminKey: ADMIN_KEY });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  return {
    app,
    db,
    url,
    clock,
    deps,
    async newProgram(input = {}) {
      const { program, apiKey } = await createProgram(db, { name: input.name ?? 'Test store', currency: input.currency ?? 'USD', allow_negative_balance: input.allow_negative_balance }, clock.now());
      return client(app, program.id, apiKey);
    },
  };
}

export function client(app: FastifyInstance, programId: string, key: string): ApiClient {
  const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method, url, payload: body as object | undefined, headers: { authorization: `Bearer ${key}`, ...headers } });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
  };
  return {
    programId,
    key,
    get: (url) => send('GET', url),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
}

let orderSeq = 0;
/** A plausible order body; override what the test is about. */
export function orderBody(overrides: Record<string, unknown> = {}) {
  orderSeq += 1;
  return {
    external_id: `order-${orderSeq}-${randomBytes(3).toString('hex')}`,
    customer: { external_id: 'shopper-1', email: 'shopper1@example.com' },
    currency: 'USD',
    subtotal: 5400,
    total: 5900,
    shipping: 500,
    line_items: [{ product_id: 'mug', title: 'Mug', quantity: 2, unit_price: 2700 }],
    ...overrides,
  };
}
