import type { LineItem } from '../platform/db/schema.ts';
import { lineMatches } from '../earning/purchase-earning.ts';

/** A punch card: N stamps, one per qualifying order or per qualifying item, then its reward. Pure. */
export interface StampCard {
  id: string;
  name: string;
  stamps_required: number;
  per: 'order' | 'item';
  min_subtotal: number;
  include_products: string[];
  include_collections: string[];
  reward_id: string;
  active: boolean;
}

/** Stamps an order earns on a card: what was paid must reach the minimum; only lines of the card's products or collections count. */
export function stampsFor(card: StampCard, order: { subtotal: number; discount: number; line_items: LineItem[] }): number {
  if (!card.active || Math.max(0, order.subtotal - order.discount) < card.min_subtotal) return 0;
  const filtered = card.include_products.length > 0 || card.include_collections.length > 0;
  const lines = order.line_items.filter((l) => lineMatches({ include_products: card.include_products, include_collections: card.include_collections }, l));
  if (card.per === 'order') return !filtered || lines.length > 0 ? 1 : 0;
  return lines.reduce((s, l) => s + l.quantity, 0);
}

/** Adds stamps to a card in progress: every full card completes (its reward is due) and a new one starts. */
export function punch(stamps: number, added: number, required: number): { stamps: number; completed: number } {
  const total = stamps + added;
  return { stamps: total % required, completed: Math.floor(total / required) };
}
