import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { acquisitionReport, deleteAcquisitionCost, listAcquisitionCosts, recordAcquisitionCost } from '../analytics/acquisition.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest, notFound } from '../platform/errors.ts';
import { Body } from '../platform/http/body.ts';
import { errorResponses, List, MinorUnits, Nullable, Timestamp } from './schemas/common.ts';

const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month, `YYYY-MM`.' });
const Channel = Type.String({ maxLength: 100, description: 'Where it was spent (`ads`, `influencers`, …); empty: not split by channel.' });

const AcquisitionCost = Type.Object({ object: Type.Literal('acquisition_cost'), month: Month, channel: Type.String(), amount: MinorUnits(), updated_at: Timestamp });
const present = (r: { month: string; channel: string; amount_minor: number; updated_at: Date | string }) => ({ object: 'acquisition_cost' as const, month: r.month.slice(0, 7), channel: r.channel, amount: r.amount_minor, updated_at: new Date(r.updated_at).toISOString() });

const AcquisitionMonth = Type.Object({
  month: Month,
  new_customers: Type.Integer({ description: 'Customers whose first order was this month.' }),
  spend: Nullable(Type.Integer(), { description: 'Marketing spend recorded for the month (all channels); null when none is.' }),
  cac: Nullable(Type.Integer(), { description: 'Customer acquisition cost: spend ÷ new customers.' }),
  value_to_date: Type.Integer({ description: 'What the month’s new customers have spent so far, each on average (less refunds).' }),
  predicted_value: Nullable(Type.Integer(), { description: 'value_to_date plus their predicted spend over the next year (BG/NBD + Gamma-Gamma); null without enough history.' }),
  clv_to_cac: Nullable(Type.Number(), { description: 'value_to_date ÷ CAC (historic).' }),
  predicted_clv_to_cac: Nullable(Type.Number(), { description: 'predicted_value ÷ CAC.' }),
  months_to_payback: Nullable(Type.Integer(), { description: 'Months after the first order until their spend covered the CAC (0: in the month itself); null: not yet.' }),
});

/** Acquisition cost (docs/analytics.md#acquisition-cost): the merchant's marketing spend and what it bought. */
export const acquisitionRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/acquisition-costs',
      { schema: { operationId: 'recordAcquisitionCost', tags: ['analytics'], summary: 'Record what a month’s marketing cost (replaces the month’s figure for the channel)', body: Body({ month: Month, channel: Type.Optional(Channel), amount: MinorUnits('Spend in minor units of the program’s currency.') }), response: { 200: AcquisitionCost, ...errorResponses } } },
      async (request) => present(await recordAcquisitionCost(deps.db, request.program.id, { month: request.body.month, channel: request.body.channel ?? '', amount_minor: request.body.amount }, deps.clock.now())),
    );

    app.get('/v1/acquisition-costs', { schema: { operationId: 'listAcquisitionCosts', tags: ['analytics'], summary: 'The spend recorded, newest month first', response: { 200: List(AcquisitionCost), ...errorResponses } } }, async (request) => ({
      object: 'list' as const,
      data: (await listAcquisitionCosts(deps.db, request.program.id)).map(present),
      has_more: false,
    }));

    app.delete(
      '/v1/acquisition-costs/:month',
      { schema: { operationId: 'deleteAcquisitionCost', tags: ['analytics'], summary: 'Forget a month’s spend on a channel', params: Type.Object({ month: Month }), querystring: Type.Object({ channel: Type.Optional(Channel) }), response: { 200: Type.Object({ object: Type.Literal('acquisition_cost'), month: Month, channel: Type.String(), deleted: Type.Literal(true) }), ...errorResponses } } },
      async (request) => {
        const channel = request.query.channel ?? '';
        if (!(await deleteAcquisitionCost(deps.db, request.program.id, request.params.month, channel))) throw notFound('acquisition_cost', `${request.params.month}${channel ? ` ${channel}` : ''}`);
        return { object: 'acquisition_cost' as const, month: request.params.month, channel, deleted: true as const };
      },
    );

    app.get(
      '/v1/analytics/acquisition',
      {
        schema: {
          operationId: 'getAcquisitionReport',
          tags: ['analytics'],
          summary: 'CAC, CLV : CAC (historic and predicted) and months to pay back, per month of first order',
          querystring: Type.Object({ from: Month, to: Month }),
          response: { 200: Type.Object({ object: Type.Literal('acquisition_report'), currency: Type.String(), months: Type.Array(AcquisitionMonth) }), ...errorResponses },
        },
      },
      async (request) => {
        if (request.query.from > request.query.to) throw invalidRequest('parameter_invalid', 'from must not be after to.', 'from');
        return { object: 'acquisition_report' as const, currency: request.program.currency, months: await acquisitionReport(deps.readDb, request.program.id, request.query, deps.clock.now()) };
      },
    );
  };
