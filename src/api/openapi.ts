import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { webhooksSection } from './schemas/webhook-events.ts';

/** The public contract's frame: every route adds its operation, schemas and operationId to it. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Regulars API',
      version: '1',
      description: 'Loyalty and retention engine. Amounts of money are integer minor units; points are integers.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Self-hosted: the API is wherever this document was fetched from.
    servers: [{ url: '/', description: 'This Regulars instance' }],
    components: {
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'A program secret key, sk_…' },
        publishableKey: { type: 'apiKey', in: 'header', name: 'Regulars-Publishable-Key', description: 'The storefront API: the program’s publishable key, pk_… (safe in a page).' },
        customerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The storefront API: the shopper’s customer token, an HS256 JWT (or `Regulars-HMAC customer_id=…, timestamp=…, signature=…`) made by the store’s backend with the widget secret.' },
      },
    },
    security: [{ secretKey: [] }],
    // What a webhook endpoint receives, one schema per event type (docs/webhooks.md).
    webhooks: webhooksSection(),
  },
  refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
};

/**
 * The reference at /docs, as a self-hosted product's docs: no hosted-service buttons (Ask AI,
 * MCP, the developer toolbar's Deploy), no telemetry.
 */
export const apiReferenceConfiguration = {
  pageTitle: 'Regulars API reference',
  url: '/openapi.json',
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never' as const,
  telemetry: false,
};
