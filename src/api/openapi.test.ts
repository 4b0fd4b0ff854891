import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegularsClient } from '../../web/client/index.ts';
import { createTestApp, orderBody } from './testing/test-app.ts';

const { app, newProgram } = await createTestApp();
const committed = path.resolve(import.meta.dirname, '../../web/client/openapi.json');

interface Operation {
  operationId?: string;
}
const operationsOf = (document: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(document.paths).flatMap(([url, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${url}`, ...operation })));

describe('the public contract', () => {
  it('names every operation once (SDK generators name methods from operationId)', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(70);
    expect(operations.filter((o) => !o.operationId).map((o) => o.route)).toEqual([]);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.info.license.name).toBe('MIT');
    expect(document.servers).toEqual([{ url: '/', description: 'This Regulars instance' }]);
  });

  it('is the document committed beside the generated client (npm run client refreshes both)', async () => {
    const served = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(served).toEqual(JSON.parse(await readFile(committed, 'utf8')));
  });

  it('is shown at /docs without hosted-service buttons', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const configuration = JSON.parse(/createApiReference\('#app', (\{[\s\S]*?\})\)/.exec(page.body)![1]!);
    expect(configuration).toMatchObject({ url: '/openapi.json', agent: { disabled: true }, mcp: { disabled: true }, showDeveloperTools: 'never', telemetry: false });
  });
});

describe('the generated client', () => {
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.server.close());

  it('calls the API over HTTP with typed paths, bodies and responses', async () => {
    const program = await newProgram();
    const client = createRegularsClient({ baseUrl, apiKey: program.key });
    const created = await client.POST('/v1/orders', { body: orderBody() });
    expect(created.response.status).toBe(201);
    const customerId = created.data!.customer_id;
    const { data: customer } = await client.GET('/v1/customers/{id}', { params: { path: { id: customerId } } });
    expect(customer?.points_balance).toBe(54);

    const missing = await client.GET('/v1/orders/{id}', { params: { path: { id: 'ord_missing' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.type).toBe('not_found');
  });
});
