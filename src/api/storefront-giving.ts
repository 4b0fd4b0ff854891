import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { assertCauseActive, givenBy } from '../charity/charity-store.ts';
import { givingOn, givingSettings } from '../charity/order-giving.ts';
import type { CustomerRow } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { upsertCustomer } from '../workflows/customer-signed-up.ts';
import { errorResponses } from './schemas/common.ts';
import { ShopperCauseChoice, ShopperGiving } from './schemas/storefront.ts';

type App = Parameters<FastifyPluginAsyncTypebox>[0];
const security: Record<string, string[]>[] = [{ publishableKey: [], customerToken: [] }];
const tags = ['storefront'];

/** Merchant-funded giving in the widget (docs/rewards.md#merchant-funded-giving): the shopper's cause and what they have given. */
export function shopperGivingRoutes(app: App, deps: Deps, me: (request: FastifyRequest) => Promise<CustomerRow>): void {
  const view = async (programId: string, currency: string, customer: CustomerRow) => {
    const [settings, causes, given] = await Promise.all([
      givingSettings(deps.db, programId),
      deps.db.selectFrom('charity_causes').select(['id', 'name', 'description']).where('program_id', '=', programId).where('status', '=', 'active').orderBy('name').execute(),
      givenBy(deps.db, customer.id),
    ]);
    return { object: 'shopper_giving' as const, giving: givingOn(settings), percent: settings.bps / 100, fixed: settings.fixedMinor, currency, cause_id: customer.cause_id, default_cause_id: settings.causeId, causes, given: given.amount };
  };

  app.get('/storefront/v1/me/giving', { schema: { operationId: 'getShopperGiving', tags, security, summary: 'The causes the program gives to, the shopper’s choice, and what they have given', response: { 200: ShopperGiving, ...errorResponses } } }, async (request) =>
    view(request.program.id, request.program.currency, await me(request)),
  );

  app.put(
    '/storefront/v1/me/cause',
    { schema: { operationId: 'chooseShopperCause', tags, security, summary: 'Choose the cause the program’s giving on the shopper’s orders goes to (null: the program’s)', body: ShopperCauseChoice, response: { 200: ShopperGiving, ...errorResponses } } },
    async (request) => {
      const customer = await me(request);
      if (request.body.cause_id) await assertCauseActive(deps.db, request.program.id, request.body.cause_id, 'cause_id');
      const { customer: updated } = await upsertCustomer(deps, request.program, { id: customer.id }, { cause_id: request.body.cause_id });
      return view(request.program.id, request.program.currency, updated);
    },
  );
}
