import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

export const Transaction = Type.Object(
  {
    object: Type.Literal('transaction'),
    id: Type.String(),
    code: Type.String({
      description: '`earn.purchase`, `earn.action`, `earn.gift`, `adjust.manual`, `reverse.refund`, `reverse.cancel`, `release.hold`, `redeem.reserve`, `redeem.use`, `redeem.void`, `redeem.expire`, `expire.points`, `credit.issue`, `credit.spend`, `credit.return`.',
    }),
    points: Type.Integer({ description: 'Change of the available balance.' }),
    points_pending: Type.Integer({ description: 'Change of the pending balance.' }),
    points_reserved: Type.Integer({ description: 'Change of the points reserved by redemptions not yet used.' }),
    store_credit: Type.Integer({ description: 'Change of the store credit balance, in minor units.' }),
    reference: Type.Object({ type: Type.String(), id: Type.String() }),
    rule_id: Nullable(Type.String()),
    explanation: Type.String({ description: 'How the amount was computed, in words and figures.' }),
    details: Type.Record(Type.String(), Type.Unknown()),
    actor: Nullable(Type.String()),
    occurred_at: Timestamp,
    created_at: Timestamp,
  },
);
