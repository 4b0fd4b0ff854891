import type { Deps } from '../../platform/deps.ts';
import type { ProgramContext } from '../../programs/program-store.ts';
import { placeOrders, type OrderRequest } from '../order-placed.ts';
import type { ImportedOrder } from './order-rows.ts';

/**
 * Loads order history awarding points under today's rules, as if each order arrived now: the
 * orders go through the same workflow as live ones (idempotent per order id, holds already over
 * for old orders), a group at a time, oldest first.
 */
export async function importWithAwards(deps: Deps, program: ProgramContext, orders: ImportedOrder[], onProgress: (done: number) => void): Promise<{ orders: number; errors: { line: number; message: string }[] }> {
  const queue = [...orders].sort((a, b) => a.placed_at.localeCompare(b.placed_at));
  const errors: { line: number; message: string }[] = [];
  let placed = 0;
  while (queue.length > 0) {
    const group = queue.splice(0, 200);
    const requests: OrderRequest[] = group.map(({ line: _line, customer_external_id, email, placed_at, line_items, ...order }) => ({
      program,
      customer: { ...(customer_external_id ? { external_id: customer_external_id } : {}), ...(email ? { email } : {}) },
      order: { ...order, line_items: line_items ?? [], discount_codes: [], placed_at: new Date(placed_at), metadata: { imported: 'true' } },
    }));
    const outcomes = await placeOrders(deps, requests);
    outcomes.forEach((outcome, i) => {
      if ('retry' in outcome) queue.unshift(group[i]!);
      else if ('error' in outcome) errors.push({ line: group[i]!.line, message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
      else if (outcome.ok.awards) placed += 1;
    });
    onProgress(orders.length - queue.length);
  }
  return { orders: placed, errors };
}
