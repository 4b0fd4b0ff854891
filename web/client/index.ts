// The typed client of the Regulars API for the front-ends (admin, widget) and for integrators:
// every path, parameter, body and response is typed from the OpenAPI document, so a renamed field
// fails the build, not the merchant. Regenerate the types with `npm run client`.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.d.ts';

export type { components, operations, paths };
export type RegularsClient = Client<paths>;

export interface RegularsClientOptions extends ClientOptions {
  /** Where Regulars runs, e.g. `https://loyalty.example.com`; default: the page's own origin. */
  baseUrl?: string;
  /** A program secret key (`sk_…`) for server-side use; the admin uses its session cookie instead. */
  apiKey?: string;
}

export function createRegularsClient({ apiKey, headers, ...options }: RegularsClientOptions = {}): RegularsClient {
  return createClient<paths>({
    ...options,
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...(headers as Record<string, string> | undefined) },
  });
}
