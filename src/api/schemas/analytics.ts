import { Type } from 'typebox';
import { LifecycleStageSchema, Nullable, RfmSegmentSchema } from './common.ts';
import { NpsSection } from './surveys.ts';

const Points = (description: string) => Type.Integer({ description });
const Money = (description: string) => Type.Integer({ description: `${description}, in minor units.` });
const Share = (description: string) => Type.Number({ minimum: 0, description });

export const ProgramEconomics = Type.Object({
  object: Type.Literal('program_economics'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  points_issued: Points('Earned in the range, net of reversals.'),
  points_reversed: Points('Taken back in the range (refunds, cancellations).'),
  points_redeemed: Points('Spent on rewards whose codes were used, or settled at once.'),
  points_expired: Points('Expired in the range.'),
  points_outstanding: Points('Available, pending and reserved at the end of the range.'),
  liability: Money('The outstanding points at the program’s cost per point'),
  cost_per_1000_points: Money('What 1,000 points cost the program (point_cost_per_1000)'),
  redemption_rate: Share('Points redeemed ÷ points issued.'),
  breakage_rate: Share('Points expired ÷ points issued.'),
  rewards_used: Type.Integer({ description: 'Codes used in the range.' }),
  reward_value: Money('What those codes took off orders'),
  top_rewards: Type.Array(
    Type.Object({ reward_id: Type.String(), name: Type.String(), used: Type.Integer(), value: Money('What its codes took off orders') }),
    { description: 'The rewards whose codes were used most in the range, five at most.' },
  ),
});

const Rate = (description: string) => Type.Number({ description });
const Stage = LifecycleStageSchema();
const StageCounts = Type.Object({ new: Type.Integer(), one_time: Type.Integer(), repeat: Type.Integer(), loyal: Type.Integer(), at_risk: Type.Integer(), lapsed: Type.Integer() });
const Segment = RfmSegmentSchema();

const GroupMetrics = {
  customers: Type.Integer({ description: 'Customers with an order in the range.' }),
  orders: Type.Integer(),
  revenue: Money('Order totals net of refunds, cancelled orders excluded'),
  repeat_customer_rate: Rate('Customers with 2+ orders ÷ customers.'),
  purchase_frequency: Rate('Orders ÷ customers.'),
  average_order_value: Money('Revenue ÷ orders'),
  customer_value: Money('Purchase frequency × average order value'),
  historic_clv: Money('The average lifetime revenue of these customers'),
};

export const RetentionReport = Type.Object({
  object: Type.Literal('retention_report'),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  totals: Type.Object(GroupMetrics),
  by_tier: Type.Array(Type.Object({ tier_id: Nullable(Type.String(), { description: 'The tier at the end of the range; none for customers in no tier.' }), ...GroupMetrics })),
  by_membership: Type.Array(Type.Object({ group: Type.Union([Type.Literal('members'), Type.Literal('holdout')]), ...GroupMetrics })),
  retention: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM.' }),
      customers: Type.Integer({ description: 'Customers who ordered in the month.' }),
      returned_next_month: Nullable(Type.Integer()),
      retention_rate: Nullable(Type.Number(), { description: 'Of the month’s customers, the share who ordered again the next month; none for the last month.' }),
      churn_rate: Nullable(Type.Number()),
    }),
  ),
  median_days_between_orders: Nullable(Type.Number()),
  cohorts: Type.Array(
    Type.Object({
      cohort: Type.String({ description: 'The month of the first order, YYYY-MM.' }),
      customers: Type.Integer(),
      months: Type.Array(Type.Object({ offset: Type.Integer({ description: 'Months after the first.' }), customers: Type.Integer(), share_returning: Type.Number(), revenue_per_customer: Money('Revenue of the month ÷ the cohort’s customers') })),
    }),
  ),
  rfm_segments: Type.Record(Type.String(), Type.Integer(), { description: 'Customers per RFM segment at the end of the range.' }),
  rfm_movement: Type.Array(Type.Object({ from: Nullable(Segment, { description: 'The segment at the start; none for a customer new in the range.' }), to: Segment, customers: Type.Integer() })),
  lifecycle: Type.Object({
    thresholds: Type.Object({ new_days: Type.Integer(), loyal_orders: Type.Integer(), at_risk_days: Type.Integer(), lapsed_days: Type.Integer() }),
    at_from: StageCounts,
    at_to: StageCounts,
    movement: Type.Array(Type.Object({ from: Nullable(Stage), to: Stage, customers: Type.Integer() })),
  }),
  nps: NpsSection,
});

const Group = Type.Object({ customers: Type.Integer(), repeat_rate: Type.Number(), revenue_per_customer: Money('Revenue ÷ customers') });
const Interval = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'The 95% confidence interval: low, high.' });

export const HoldoutLift = Type.Object({
  object: Type.Literal('program_lift'),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  members: Group,
  holdout: Group,
  repeat_rate_lift: Type.Object({ difference: Type.Number({ description: 'Members’ repeat rate − the holdout’s.' }), ci95: Interval }),
  revenue_per_customer_lift: Type.Object({ difference: Type.Integer(), ci95: Interval }),
});

const ClvCustomer = Type.Object({
  customer_id: Type.String(),
  p_alive: Type.Number({ description: 'The probability the customer still buys.' }),
  expected_purchases: Type.Number({ description: 'Over the horizon.' }),
  expected_spend: Money('Per order'),
  predicted_clv: Money('Over the horizon, discounted'),
});

export const ClvPrediction = Type.Object({
  object: Type.Literal('clv_prediction'),
  horizon_days: Type.Integer(),
  discount_rate: Type.Number(),
  bgnbd: Type.Object({ r: Type.Number(), alpha: Type.Number(), a: Type.Number(), b: Type.Number() }, { description: 'The fitted BG/NBD parameters.' }),
  gamma_gamma: Type.Object({ p: Type.Number(), q: Type.Number(), v: Type.Number() }, { description: 'The fitted Gamma-Gamma parameters.' }),
  customers: Type.Integer(),
  expected_active_customers: Type.Integer({ description: 'The sum of P(alive).' }),
  predicted_clv_total: Money('All customers’ predicted CLV'),
  predicted_clv_average: Money('Per customer'),
  value_by_decile: Type.Array(
    Type.Object({
      decile: Type.Integer({ minimum: 1, maximum: 10, description: '1: the tenth of customers with the highest predicted CLV.' }),
      customers: Type.Integer(),
      min_clv: Money('The lowest in the decile'),
      max_clv: Money('The highest in the decile'),
      average_clv: Money('The decile’s average'),
      share_of_value: Type.Number({ description: 'The decile’s share of all predicted CLV.' }),
    }),
  ),
  p_alive_bands: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), customers: Type.Integer() }), { description: 'Customers per tenth of P(alive).' }),
  top: Type.Array(ClvCustomer, { description: 'The most valuable customers, `limit` at most.' }),
});

const Month = Type.Object({ month: Type.Integer({ description: '1 is next month.' }), active: Type.Integer(), revenue: Money('The month’s revenue') });

export const RetentionProjection = Type.Object({
  object: Type.Literal('retention_projection'),
  inputs: Type.Object({ activeCustomers: Type.Number(), monthlyRetention: Type.Number(), newCustomersPerMonth: Type.Number(), ordersPerActiveCustomer: Type.Number(), averageOrderValue: Type.Number() }),
  months: Type.Integer(),
  at_current_retention: Type.Object({ revenue: Money('Over the months'), by_month: Type.Array(Month) }),
  at_higher_retention: Type.Object({ uplift_points: Type.Number(), revenue: Money('Over the months'), by_month: Type.Array(Month) }),
});
