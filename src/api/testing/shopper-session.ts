import { SignJWT } from 'jose';
import type { ApiClient, ApiResponse, TestApp } from './test-app.ts';

export type ShopperCall = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise<Pick<ApiResponse, 'status' | 'body'>>;

/**
 * The storefront of a program as the store's page uses it: a widget secret made once, then
 * shoppers signed in with customer tokens of it, each with their customer id and a caller.
 */
export async function storefrontOf(t: TestApp, api: ApiClient) {
  const { secret, publishable_key } = (await api.post('/v1/program/widget-secret')).body;
  return async (sub: string, claims: Record<string, unknown> = { email: `${sub}@example.com` }): Promise<{ customerId: string; call: ShopperCall }> => {
    const iat = Math.floor(t.clock.now().getTime() / 1000);
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('regulars').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(new TextEncoder().encode(secret));
    const call: ShopperCall = async (method, url, body) => {
      const response = await t.app.inject({ method, url, payload: body as object | undefined, headers: { 'regulars-publishable-key': publishable_key, authorization: `Bearer ${token}` } });
      return { status: response.statusCode, body: response.json() };
    };
    const me = await call('GET', '/storefront/v1/me');
    return { customerId: me.body.customer_id as string, call };
  };
}
