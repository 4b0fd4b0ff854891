import { mulDivFloor } from '../platform/money.ts';

/**
 * Coalition settlement, pure: points issued by one store and honoured (redeemed) at another are
 * owed by the issuer to the redeemer at the agreed value. Every amount is one store's debt and
 * another's claim, so the nets add up to zero.
 */
export interface Flow {
  issuer: string;
  redeemer: string;
  points: number;
}

export function settle(flows: Flow[], valuePer1000: number) {
  const debts = flows
    .filter((f) => f.issuer !== f.redeemer && f.points > 0)
    .map((f) => ({ from_store_id: f.issuer, to_store_id: f.redeemer, points: f.points, amount: mulDivFloor(f.points, valuePer1000, 1000) }));
  const net = new Map<string, number>();
  for (const d of debts) {
    net.set(d.from_store_id, (net.get(d.from_store_id) ?? 0) - d.amount);
    net.set(d.to_store_id, (net.get(d.to_store_id) ?? 0) + d.amount);
  }
  return { debts, net };
}
