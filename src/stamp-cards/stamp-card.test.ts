import { describe, expect, it } from 'vitest';
import { punch, stampsFor, type StampCard } from './stamp-card.ts';

const card = (extra: Partial<StampCard> = {}): StampCard => ({ id: 'stc_1', name: 'Coffee card', stamps_required: 10, per: 'order', min_subtotal: 0, include_products: [], include_collections: [], reward_id: 'rwd_1', active: true, ...extra });
const line = (product_id: string, quantity: number, collections: string[] = []) => ({ product_id, title: product_id, quantity, unit_price: 500, collections });
const order = (lines = [line('latte', 2, ['coffee'])], subtotal = 1000, discount = 0) => ({ subtotal, discount, line_items: lines });

describe('stamp cards', () => {
  it.each([
    ['a stamp per order', card(), order(), 1],
    ['nothing under the minimum paid', card({ min_subtotal: 1001 }), order(), 0],
    ['the minimum counts what was paid after discounts', card({ min_subtotal: 900 }), order(undefined, 1000, 200), 0],
    ['a stamp per qualifying item', card({ per: 'item', include_collections: ['coffee'] }), order([line('latte', 2, ['coffee']), line('mug', 1)]), 2],
    ['an order without qualifying items earns nothing', card({ include_products: ['beans'] }), order(), 0],
    ['a retired card stamps nothing', card({ active: false }), order(), 0],
  ])('%s', (_name, c, o, expected) => {
    expect(stampsFor(c, o)).toBe(expected);
  });

  it('a full card completes and the rest starts the next', () => {
    expect(punch(9, 1, 10)).toEqual({ stamps: 0, completed: 1 });
    expect(punch(8, 15, 10)).toEqual({ stamps: 3, completed: 2 });
    expect(punch(2, 3, 10)).toEqual({ stamps: 5, completed: 0 });
  });
});
