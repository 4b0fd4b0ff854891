import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { buildWidget, launchChromium, testShop } from './browser.ts';
import type { ApiClient, TestApp } from './test-app.ts';

export interface WidgetShop {
  /** The engine, over HTTP. */
  api: string;
  shop: Awaited<ReturnType<typeof testShop>>;
  admin: ApiClient;
  publishableKey: string;
  secret: string;
  browser: Browser;
  /** A customer token of the widget secret, as the store's backend signs one. */
  token(sub: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A store's page of its own origin with the widget on it (`?token=…&locale=…`), against the test
 * app over HTTP, for a program of its own that lets that origin call the storefront API; with
 * Chromium and the widget built.
 */
export async function widgetShop(t: TestApp, store: { name: string; heading?: string }): Promise<WidgetShop> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  let publishableKey = '';
  const shop = await testShop((url) => {
    const token = url.searchParams.get('token');
    const locale = url.searchParams.get('locale') ?? 'en';
    return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${store.name}</title></head>
<body><main><h1>${store.heading ?? store.name}</h1></main><script type="module" src="${api}/widget.js"></script>
<regulars-widget publishable-key="${publishableKey}" customer-token="${token}" locale="${locale}"></regulars-widget></body></html>`;
  });
  const admin = await t.newProgram({ name: store.name });
  const { secret, publishable_key } = (await admin.post('/v1/program/widget-secret')).body as { secret: string; publishable_key: string };
  publishableKey = publishable_key;
  await admin.patch('/v1/program', { storefront_origins: [shop.origin] });
  const [browser] = await Promise.all([launchChromium(), buildWidget()]);
  const token = (sub: string) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ email: `${sub}@example.com` }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('regulars').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(new TextEncoder().encode(secret));
  };
  return { api, shop, admin, publishableKey, secret, browser, token, close: async () => (await browser.close(), await shop.close()) };
}
