import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { productLifespan, setProductLifespan } from '../products/product-lifespans.ts';
import { errorResponses, Nullable } from './schemas/common.ts';

const Product = Type.Object({
  object: Type.Literal('product'),
  product_id: Type.String({ description: 'The store’s product id, as in order line items.' }),
  lifespan_days: Nullable(Type.Integer(), { description: 'How long the product lasts, as the merchant set it: the replenishment email goes at about 78% of it.' }),
  learned_lifespan_days: Nullable(Type.Integer(), { description: 'The median days between a customer’s purchases of it over two years, once 5 repurchases are seen; used when lifespan_days is not set.' }),
  repurchases: Type.Integer({ description: 'Repurchases the learned lifespan rests on.' }),
});
const Params = Type.Object({ product_id: Type.String({ minLength: 1, maxLength: 255 }) });

/** What the engine knows of a store's product: how long it lasts, for the replenishment email. */
export const productRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/products/:product_id',
      { schema: { operationId: 'getProduct', tags: ['emails'], summary: 'A product’s lifespan, set or learned from repurchases', params: Params, response: { 200: Product, ...errorResponses } } },
      async (request) => ({ object: 'product' as const, ...(await productLifespan(deps.db, request.program.id, request.params.product_id, deps.clock.now())) }),
    );

    app.patch(
      '/v1/products/:product_id',
      {
        schema: {
          operationId: 'updateProduct',
          tags: ['emails'],
          summary: 'Set how long a product lasts (null: learn it from repurchases)',
          params: Params,
          body: Body({ lifespan_days: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })) }),
          response: { 200: Product, ...errorResponses },
        },
      },
      async (request) => {
        await setProductLifespan(deps.db, request.program.id, request.params.product_id, request.body.lifespan_days, deps.clock.now());
        return { object: 'product' as const, ...(await productLifespan(deps.db, request.program.id, request.params.product_id, deps.clock.now())) };
      },
    );
  };
