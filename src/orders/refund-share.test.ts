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

  it('values refunded lines cumulatively: every line back returns exactly what was paid', () => {
    // Three lines of 199.00 with 10.00 off the order: each is worth 195.66⅔ of the 587.00 paid.
    const lines = ['a', 'b', 'c'].map((id) => ({ line_id: id, product_id: 'ipod', quantity: 1, unit_price: 19900, title: 'iPod' }));
    const o = order({ subtotal: 59700, discount: 1000, line_items: lines });
    const first = refundAmount(o, { line_items: [{ line_id: 'c', product_id: 'ipod', quantity: 1 }, { line_id: 'a', product_id: 'ipod', quantity: 1 }] }, []);
    expect(first).toBe(39133);
    const last = refundAmount({ ...o, refunded: first }, { line_items: [{ line_id: 'b', product_id: 'ipod', quantity: 1 }] }, [{ line_id: 'c', product_id: 'ipod', quantity: 1 }, { line_id: 'a', product_id: 'ipod', quantity: 1 }]);
    expect(first + last).toBe(58700);
    // Named by product alone, a product on several lines is taken line by line.
    expect(refundAmount(o, { line_items: [{ product_id: 'ipod', quantity: 3 }] }, [])).toBe(58700);
  });
});
