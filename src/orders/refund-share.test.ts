import { describe, expect, it } from 'vitest';
import { clawbackDue, refundAmount, type RefundableOrder } from './refund-share.ts';

const order = (o: Partial<RefundableOrder> = {}): RefundableOrder => ({
  subtotal: 5400,
  discount: 0,
  line_items: [{ product_id: 'mug', title: 'Mug', quantity: 2, unit_price: 2700 }],
  refunded: 0,
  points_earned: 54,
  points_reversed: 0,
  points_forgiven: 0,
  ...o,
});

describe('refund clawback', () => {
  it('half the merchandise takes half the points', () => {
    expect(clawbackDue(order(), 2700)).toBe(27);
  });

  it('rounds in the shopper\'s favour but never drifts: the last refund takes the rest', () => {
    const o = order({ points_earned: 10, subtotal: 1000, line_items: [] });
    expect(clawbackDue(o, 333)).toBe(3);
    expect(clawbackDue({ ...o, refunded: 333, points_reversed: 3 }, 333)).toBe(3);
    expect(clawbackDue({ ...o, refunded: 666, points_reversed: 6 }, 334)).toBe(4);
  });

  it('counts forgiven points as already settled', () => {
    expect(clawbackDue(order({ refunded: 2700, points_reversed: 7, points_forgiven: 20 }), 2700)).toBe(27);
  });

  it('with neither amount nor lines, refunds all that is left', () => {
    expect(refundAmount(order({ refunded: 1000 }), {}, [])).toBe(4400);
  });

  it('refuses amount and lines together, unknown lines, and too much', () => {
    expect(() => refundAmount(order(), { amount: 1, line_items: [] }, [])).toThrow(/not both/);
    expect(() => refundAmount(order(), { line_items: [{ product_id: 'nope', quantity: 1 }] }, [])).toThrow(/does not have/);
    expect(() => refundAmount(order(), { line_items: [{ product_id: 'mug', quantity: 1 }] }, [{ product_id: 'mug', quantity: 2 }])).toThrow(/only 0 left/);
    expect(() => refundAmount(order({ refunded: 5000 }), { amount: 401 }, [])).toThrow(/exceeds/);
  });
});
