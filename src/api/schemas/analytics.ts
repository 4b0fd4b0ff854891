import { Type } from 'typebox';

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
