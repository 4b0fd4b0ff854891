import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findCustomer, getCustomer } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { redemptions } from '../platform/metrics.ts';
import { Body } from '../platform/http/body.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import type { Discount } from '../rewards/reward.ts';
import { redeemReward } from '../workflows/reward-redeemed.ts';
import { settleRedemption } from '../workflows/redemption-settled.ts';
import { discountAtCheckout } from '../redemptions/checkout.ts';
import { normaliseCode } from '../redemptions/codes.ts';
import { presentRedemption } from '../redemptions/presenter.ts';
import { findByCode, getRedemption, listRedemptions } from '../redemptions/redemption-store.ts';
import { DiscountCode, RedeemInput, Redemption, ValidateInput } from './schemas/redemptions.ts';

const CustomerParams = Type.Object({ id: Id('cus') });
const RedemptionParams = Type.Object({ id: Id('rdm') });
const Status = Type.Union([Type.Literal('reserved'), Type.Literal('used'), Type.Literal('voided'), Type.Literal('expired')]);

export const redemptionRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/customers/:id/redemptions',
      {
        schema: {
          operationId: 'redeemReward',
          tags: ['redemptions'],
          summary: 'Redeem a reward: reserve its points and issue a code',
          description: 'The points leave the available balance at once (`insufficient_points`, 422, when there are not enough, whatever the concurrency).',
          params: CustomerParams,
          body: RedeemInput,
          response: { 201: Redemption, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(presentRedemption(await counted(redeemReward(deps, request.program, request.params.id, request.body)))),
    );

    app.get(
      '/v1/customers/:id/redemptions',
      {
        schema: {
          operationId: 'listCustomerRedemptions',
          tags: ['redemptions'],
          summary: "A customer's redemptions, newest first",
          params: CustomerParams,
          querystring: Type.Object({ ...ListQuery.properties, status: Type.Optional(Status) }),
          response: { 200: List(Redemption), ...errorResponses },
        },
      },
      async (request) => {
        await getCustomer(deps.db, request.program.id, request.params.id);
        const rows = await listRedemptions(deps.db, request.program.id, { ...request.query, customer_id: request.params.id });
        return toList(rows, request.query.limit, presentRedemption);
      },
    );

    app.get(
      '/v1/redemptions/:id',
      { schema: { operationId: 'getRedemption', tags: ['redemptions'], summary: 'Get a redemption', params: RedemptionParams, response: { 200: Redemption, ...errorResponses } } },
      async (request) => presentRedemption(await getRedemption(deps.db, request.program.id, request.params.id)),
    );

    app.post(
      '/v1/redemptions/:id/void',
      {
        schema: {
          operationId: 'voidRedemption',
          tags: ['redemptions'],
          summary: 'Cancel a reserved redemption: its points return',
          params: RedemptionParams,
          body: Body({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }),
          response: { 200: Redemption, ...errorResponses },
        },
      },
      async (request) => presentRedemption(await settleRedemption(deps, request.program, request.params.id, { kind: 'void', reason: request.body.reason ?? 'cancelled' })),
    );

    app.post(
      '/v1/redemptions/:id/use',
      {
        schema: {
          operationId: 'useRedemption',
          tags: ['redemptions'],
          summary: 'Mark a reserved redemption used: a custom reward fulfilled, or a code used outside the order feed',
          description: 'Orders sent with `discount_codes` mark their codes used by themselves.',
          params: RedemptionParams,
          body: Body({ order_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) }),
          response: { 200: Redemption, ...errorResponses },
        },
      },
      async (request) => presentRedemption(await settleRedemption(deps, request.program, request.params.id, { kind: 'use', orderId: request.body.order_id ?? null })),
    );

    app.post(
      '/v1/discount-codes/validate',
      {
        schema: {
          operationId: 'validateDiscountCode',
          tags: ['redemptions'],
          summary: 'At checkout: is this code good for this cart, and what does it take off?',
          description:
            'Answers 200 with the discount, or 4xx with the reason: `code_unknown` (404), `code_expired`, `code_used`, `code_voided`, `below_minimum`, `currency_mismatch`, `wrong_customer`, `code_not_for_checkout`. Changes nothing.',
          body: ValidateInput,
          response: { 200: DiscountCode, ...errorResponses },
        },
      },
      async (request) => {
        const { code, customer, ...cart } = request.body;
        const redemption = await findByCode(deps.db, request.program.id, normaliseCode(code));
        if (!redemption) throw new RegularsError('not_found', 'code_unknown', 'No such discount code.', 'code');
        const customerId = customer ? ((await findCustomer(deps.db, request.program.id, customer))?.id ?? null) : undefined;
        const discount = redemption.discount as unknown as Discount;
        const result = discountAtCheckout(
          { status: redemption.status, expires_at: redemption.expires_at ? new Date(redemption.expires_at) : null, customer_id: redemption.customer_id, discount },
          { ...cart, customerId },
          deps.clock.now(),
        );
        return {
          object: 'discount_code' as const,
          code: redemption.code!,
          valid: true as const,
          redemption_id: redemption.id,
          customer_id: redemption.customer_id,
          reward_id: redemption.reward_id,
          type: discount.type,
          currency: discount.currency,
          ...result,
          expires_at: redemption.expires_at ? new Date(redemption.expires_at).toISOString() : null,
        };
      },
    );
  };

/** A redemption, counted in /metrics as reserved or by the code it was refused with. */
export async function counted<T>(redemption: Promise<T>): Promise<T> {
  const done = await redemption.catch((error: unknown) => {
    redemptions.inc({ result: error instanceof RegularsError ? error.code : 'failed' });
    throw error;
  });
  redemptions.inc({ result: 'reserved' });
  return done;
}
