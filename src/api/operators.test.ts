import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing/test-app.ts';

const { app } = await createTestApp();

describe('the server address in a browser', () => {
  it('is a page saying what runs here, with links to the docs', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1>Regulars is running</h1>');
    expect(page.body).toContain('href="/docs"');
    expect(page.body).toContain('href="/openapi.json"');
  });
});
