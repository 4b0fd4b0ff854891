import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { retentionReport } from './report.ts';
import { DEFAULT_STAGES } from './segments.ts';

const Days = (d: number, description: string) => Type.Integer({ minimum: 1, maximum: 3650, default: d, description });

export const analyticsRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/analytics/report',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Retention report: metrics overall and by tier, monthly retention, cohorts, RFM segments, lifecycle stages',
          description:
            'Repeat customer rate = customers with 2+ orders ÷ customers; purchase frequency = orders ÷ customers; average order value = revenue ÷ orders; customer value = frequency × AOV; historic CLV = average lifetime revenue of the customers in the range. Revenue is net of refunds, cancelled orders excluded, in minor units.',
          querystring: Type.Object({
            from: Type.String({ format: 'date' }),
            to: Type.String({ format: 'date', description: 'Exclusive.' }),
            new_days: Days(DEFAULT_STAGES.new_days, 'Lifecycle: a first order this recent is new.'),
            loyal_orders: Type.Integer({ minimum: 2, maximum: 1000, default: DEFAULT_STAGES.loyal_orders, description: 'Lifecycle: this many orders or more is loyal.' }),
            at_risk_days: Days(DEFAULT_STAGES.at_risk_days, 'Lifecycle: no order for longer than this is at risk.'),
            lapsed_days: Days(DEFAULT_STAGES.lapsed_days, 'Lifecycle: no order for longer than this is lapsed.'),
          }),
          response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses },
        },
      },
      async (request) => {
        const { from, to, ...thresholds } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        if (thresholds.at_risk_days >= thresholds.lapsed_days) throw invalidRequest('parameter_invalid', 'at_risk_days must be below lapsed_days.', 'at_risk_days');
        return retentionReport(deps.db, request.program.id, { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) }, thresholds);
      },
    );
  };
