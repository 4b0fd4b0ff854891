import { dedicatedClient, type Db } from '../platform/db/database.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { importHistory } from './imports/history-import.ts';
import type { ImportedOrder } from './imports/order-rows.ts';
import { syntheticOrders } from '../analytics/synthetic-store.ts';

/**
 * Fills a program with a realistic synthetic store (two years of orders up to `now`), loaded
 * like an imported history. Deterministic: the same sizes give the same store.
 */
export async function loadDemoStore(db: Db, url: string, program: ProgramContext, size: { customers: number; orders: number }, now: Date): Promise<{ orders: number; customers: number }> {
  const days = 730;
  const orders: ImportedOrder[] = [];
  let line = 1;
  for (const o of syntheticOrders({ customers: size.customers, ordersPerCustomer: size.orders / size.customers, start: new Date(now.getTime() - days * 86_400_000), days })) {
    line += 1;
    orders.push({ line, external_id: `demo-${o.order_id}`, customer_external_id: `demo-${o.customer_id}`, email: o.email, placed_at: `${o.date}T12:00:00Z`, currency: program.storeCurrency, subtotal: o.amount, total: o.amount, shipping: 0, tax: 0, discount: 0, line_items: o.line_items });
  }
  const client = dedicatedClient(url);
  await client.connect();
  try {
    return await importHistory(db, client, program, orders, now);
  } finally {
    await client.end();
  }
}
