import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { programNps } from '../workflows/nps-reported.ts';
import { invalidRequest } from '../platform/errors.ts';
import { errorResponses } from './schemas/common.ts';
import { getProgram } from '../programs/program-store.ts';
import { clvModels } from '../analytics/clv/clv-models.ts';
import { predictClv } from '../analytics/clv/clv-prediction.ts';
import { programEconomics } from '../analytics/economics.ts';
import { ClvPrediction, HoldoutLift, ProgramEconomics, RetentionProjection, RetentionReport } from './schemas/analytics.ts';
import { pAliveBands, valueByDecile } from '../analytics/clv/clv-distribution.ts';
import { projectRevenue } from '../analytics/projection.ts';
import { retentionReport } from '../analytics/report.ts';
import { startReplay, type DraftProgram } from '../analytics/backtest.ts';
import { lift } from '../analytics/lift.ts';
import { eachPastOrderPage, holdoutGroups, newCustomers, ordersInSequence, totals } from '../analytics/report-store.ts';
import { DEFAULT_STAGES } from '../analytics/segments.ts';

const Days = (d: number, description: string) => Type.Integer({ minimum: 1, maximum: 3650, default: d, description });

const Range = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'Exclusive.' }) });

function range(q: { from: string; to: string }) {
  if (q.from >= q.to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
  return { from: new Date(`${q.from}T00:00:00Z`), to: new Date(`${q.to}T00:00:00Z`) };
}

export const analyticsRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/analytics/report',
      {
        schema: {
          operationId: 'getRetentionReport',
          tags: ['analytics'],
          summary: 'Retention report: metrics overall and by tier, monthly retention, cohorts, RFM segments, lifecycle stages, NPS',
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
          response: { 200: RetentionReport, ...errorResponses },
        },
      },
      async (request) => {
        const { from, to, ...thresholds } = request.query;
        if (from >= to) throw invalidRequest('parameter_invalid', 'to must be after from.', 'to');
        if (thresholds.at_risk_days >= thresholds.lapsed_days) throw invalidRequest('parameter_invalid', 'at_risk_days must be below lapsed_days.', 'at_risk_days');
        const [report, nps] = await Promise.all([retentionReport(deps.readDb, request.program.id, range({ from, to }), thresholds), programNps(deps.readDb, request.program.id, range({ from, to }), undefined, deps.clock.now())]);
        return { ...report, nps };
      },
    );

    app.get(
      '/v1/analytics/economics',
      {
        schema: {
          operationId: 'getProgramEconomics',
          tags: ['analytics'],
          summary: 'Program economics: points issued, redeemed, expired and outstanding; liability; breakage and redemption rates; reward value',
          description: 'Liability = outstanding points × `point_cost_per_1000` ÷ 1000 (PATCH /v1/program). Redemption rate = points spent ÷ points issued net of reversals; breakage rate = points expired ÷ the same.',
          querystring: Range,
          response: { 200: ProgramEconomics, ...errorResponses },
        },
      },
      async (request) => {
        const program = (await getProgram(deps.db, request.program.id))!;
        return { object: 'program_economics' as const, ...request.query, ...(await programEconomics(deps.readDb, program.id, range(request.query), program.point_cost_per_1000)) };
      },
    );

    app.get(
      '/v1/analytics/lift',
      {
        schema: {
          operationId: 'getHoldoutLift',
          tags: ['analytics'],
          summary: "The program's lift: members against the holdout group (repeat rate, revenue per customer, 95% CIs)",
          description: 'Customers whose first order falls in the range, followed up to `to`. Set `holdout_percent` on the program to keep a random share of new customers out as the control.',
          querystring: Range,
          response: { 200: HoldoutLift, ...errorResponses },
        },
      },
      async (request) => {
        const r = range(request.query);
        const { members, holdout } = await holdoutGroups(deps.readDb, request.program.id, r.from, r.to);
        return { object: 'program_lift' as const, ...request.query, ...lift(members, holdout) };
      },
    );

    app.post(
      '/v1/analytics/backtest',
      {
        config: { changesNothing: true },
        schema: {
          operationId: 'runBacktest',
          tags: ['analytics'],
          summary: 'Replay past orders through a draft program: what it would issue, redeem, expire and owe, and who would be in which tier',
          description: 'Uses the engine\'s own earning and tier rules on the orders of the range; nothing live changes. `draft`: earning_rules (purchase rules as for /v1/earning-rules), tiers, tier_metric, expiry_days, typical_redemption_rate, reward_points_cost, point_cost_per_1000.',
          body: Type.Object(
            { draft: Type.Record(Type.String(), Type.Unknown()), from: Type.String({ format: 'date' }), to: Type.String({ format: 'date', description: 'Exclusive.' }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses },
        },
      },
      async (request) => {
        const replay = startReplay(request.body.draft as unknown as DraftProgram);
        await eachPastOrderPage(deps.readDb, request.program.id, range(request.body), (orders) => orders.forEach(replay.add));
        return { object: 'backtest', from: request.body.from, to: request.body.to, ...replay.result() };
      },
    );

    app.get(
      '/v1/analytics/projection',
      {
        schema: {
          operationId: 'getRetentionProjection',
          tags: ['analytics'],
          summary: 'Revenue over the next months at today’s retention, and with retention some points higher',
          description: 'From the last three full months: monthly retention, new customers per month, orders per active customer and order value.',
          querystring: Type.Object({ months: Type.Integer({ minimum: 1, maximum: 60, default: 12 }), uplift_points: Type.Number({ minimum: 0, maximum: 50, default: 5 }) }),
          response: { 200: RetentionProjection, ...errorResponses },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
        const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
        const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
        const retention = (await ordersInSequence(deps.readDb, request.program.id, from, monthStart)).months.filter((m) => m.active > 0);
        const rates = retention.slice(0, -1).map((m) => m.retained / m.active);
        const [recent] = (await totals(deps.readDb, request.program.id, from, monthStart)).filter((t) => t.overall);
        const [last] = (await totals(deps.readDb, request.program.id, lastMonth, monthStart)).filter((t) => t.overall);
        const input = {
          activeCustomers: last?.customers ?? 0,
          monthlyRetention: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0,
          newCustomersPerMonth: (await newCustomers(deps.readDb, request.program.id, from, monthStart)) / 3,
          ordersPerActiveCustomer: last && last.customers ? last.orders / last.customers : 0,
          averageOrderValue: recent && recent.orders ? recent.revenue / recent.orders : 0,
        };
        const current = projectRevenue(input, request.query.months);
        const improved = projectRevenue(input, request.query.months, request.query.uplift_points / 100);
        const sum = (xs: { revenue: number }[]) => xs.reduce((s, x) => s + x.revenue, 0);
        return { object: 'retention_projection' as const, inputs: input, months: request.query.months, at_current_retention: { revenue: sum(current), by_month: current }, at_higher_retention: { uplift_points: request.query.uplift_points, revenue: sum(improved), by_month: improved } };
      },
    );

    app.get(
      '/v1/analytics/clv',
      {
        schema: {
          operationId: 'getPredictedClv',
          tags: ['analytics'],
          summary: 'Predicted customer lifetime value (BG/NBD + Gamma-Gamma), in aggregate and for the most valuable customers',
          description: 'Fits both models to every customer\'s orders up to now (weeks); CLV = expected purchases month by month × expected spend, discounted at `discount_rate` a year. Money in minor units. The fit is kept ten minutes per program (seconds on a big store), so other horizons and rates answer at once; orders placed in the meantime count from the next fit.',
          querystring: Type.Object({
            horizon_days: Type.Integer({ minimum: 7, maximum: 3650, default: 365 }),
            discount_rate: Type.Number({ minimum: 0, maximum: 1, default: 0.1 }),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
          }),
          response: { 200: ClvPrediction, ...errorResponses },
        },
      },
      async (request) => {
        const { summary, fitted } = await clvModels.get(deps.readDb, request.program.id, deps.clock.now());
        const p = predictClv(summary, { horizonWeeks: request.query.horizon_days / 7, annualDiscountRate: request.query.discount_rate }, fitted);
        const total = p.customers.reduce((s, c) => s + c.predicted_clv, 0);
        const top = [...p.customers].sort((a, b) => b.predicted_clv - a.predicted_clv).slice(0, request.query.limit);
        return {
          object: 'clv_prediction' as const,
          horizon_days: request.query.horizon_days,
          discount_rate: request.query.discount_rate,
          bgnbd: p.bgnbd,
          gamma_gamma: p.gamma_gamma,
          customers: p.customers.length,
          expected_active_customers: Math.round(p.customers.reduce((s, c) => s + c.p_alive, 0)),
          predicted_clv_total: Math.round(total),
          predicted_clv_average: Math.round(total / p.customers.length),
          value_by_decile: valueByDecile(p.customers.map((c) => c.predicted_clv)),
          p_alive_bands: pAliveBands(p.customers.map((c) => c.p_alive)),
          top: top.map((c) => ({ ...c, expected_spend: Math.round(c.expected_spend), predicted_clv: Math.round(c.predicted_clv) })),
        };
      },
    );
  };
