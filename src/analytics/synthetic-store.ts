import type { LineItem } from '../platform/db/schema.ts';
import { DEMO_CATALOG, REPLENISHABLE, type CatalogProduct } from './demo-catalog.ts';

/**
 * A synthetic store for demos and benchmarks, deterministic for a seed: shoppers with different
 * purchase rates (gamma) who drop out after any purchase with their own probability (beta), as
 * the BG/NBD model describes real shoppers; more orders in November and December; baskets of
 * the demo catalog spread around each shopper's own typical spend. Most shoppers have a staple,
 * a replenishable product they buy again and again, and come back sooner the faster it runs out.
 * New shoppers arrive throughout the window, a little more often as the store grows.
 */
export interface SyntheticOrder {
  customer_id: string;
  email: string;
  order_id: string;
  date: string;
  /** Minor units: the sum of the line items. */
  amount: number;
  line_items: LineItem[];
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang. */
function gamma(random: () => number, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = random();
      const u2 = random();
      x = Math.sqrt(-2 * Math.log(u1 || 1e-12)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v ** 3;
    if (Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const beta = (random: () => number, a: number, b: number) => {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
};

const SEASON = [0.8, 0.75, 0.9, 0.9, 1, 0.95, 0.9, 0.95, 1, 1.1, 1.6, 1.9];
const DAY_MS = 86_400_000;

export interface StoreShape {
  customers: number;
  ordersPerCustomer: number;
  start: Date;
  days: number;
  seed?: number;
}

/** The orders of the store, oldest shopper first; about `customers × ordersPerCustomer` of them. */
export function* syntheticOrders(options: StoreShape): Generator<SyntheticOrder> {
  yield* generate(options, calibratedRate(options));
}

/**
 * The mean purchase rate that gives the asked orders per customer, found on a small pilot store.
 * Drop-out makes orders grow slower than the rate, so it takes a few rounds to get within 1%.
 */
function calibratedRate(options: StoreShape): number {
  const wanted = Math.max(0.05, options.ordersPerCustomer - 1);
  const pilot = { ...options, customers: 3000, seed: (options.seed ?? 42) + 1 };
  let rate = wanted / (options.days / 2);
  for (let round = 0; round < 12; round++) {
    let orders = 0;
    for (const _ of generate(pilot, rate)) orders += 1;
    const extra = orders / pilot.customers - 1;
    if (extra <= 0 || Math.abs(extra - wanted) < wanted * 0.01) break;
    rate *= wanted / extra;
  }
  return rate;
}

function* generate(options: StoreShape, meanRate: number): Generator<SyntheticOrder> {
  const random = mulberry32(options.seed ?? 42);
  const end = options.start.getTime() + options.days * DAY_MS;
  let n = 0;
  for (let c = 1; c <= options.customers; c++) {
    const staple = random() < 0.65 ? REPLENISHABLE[Math.floor(random() * REPLENISHABLE.length)] : undefined;
    const rate = (gamma(random, 0.9) / 0.9) * meanRate * (staple ? 45 / staple.replenish_days! : 0.6);
    const dropout = beta(random, 1, 4);
    const basket = 2500 + gamma(random, 3) * 1500;
    let t = options.start.getTime() + firstOrderDay(random, options.days) * DAY_MS;
    for (let k = 0; ; k++) {
      const month = new Date(t).getUTCMonth();
      if (k === 0 || random() < SEASON[month]! / 1.9) {
        n += 1;
        const line_items = basketOf(random, staple, (basket * gamma(random, 6)) / 6);
        const amount = line_items.reduce((sum, l) => sum + l.unit_price * l.quantity, 0);
        yield { customer_id: `c${c}`, email: `shopper${c}@example.com`, order_id: `o${n}`, date: new Date(t).toISOString().slice(0, 10), amount, line_items };
      }
      if (random() < dropout) break;
      t += (-Math.log(1 - random()) / rate) * DAY_MS;
      if (t >= end) break;
    }
  }
}

/**
 * When a shopper first buys: any day of the window, new shoppers arriving at a rate that grows
 * by half from its start to its end, as a growing store acquires them (sampled by inverting the
 * linear density).
 */
function firstOrderDay(random: () => number, days: number): number {
  const growth = 0.5;
  const u = random();
  return (days * (-1 + Math.sqrt(1 + growth * (2 + growth) * u))) / growth;
}

const lineItem = (product: CatalogProduct, quantity: number): LineItem => ({
  product_id: product.product_id,
  sku: product.product_id,
  title: product.title,
  quantity,
  unit_price: product.unit_price,
  collections: product.collections,
});

/** The staple (usually), then other products until the basket reaches the shopper's spend this time. */
function basketOf(random: () => number, staple: CatalogProduct | undefined, spend: number): LineItem[] {
  const lines: LineItem[] = [];
  let total = 0;
  if (staple && random() < 0.85) {
    const quantity = Math.max(1, Math.min(3, Math.round(spend / 2 / staple.unit_price)));
    lines.push(lineItem(staple, quantity));
    total += staple.unit_price * quantity;
  }
  while (lines.length < 5 && (lines.length === 0 || total < spend * 0.9)) {
    const product = DEMO_CATALOG[Math.floor(random() * DEMO_CATALOG.length)]!;
    if (lines.some((l) => l.product_id === product.product_id)) continue;
    lines.push(lineItem(product, 1));
    total += product.unit_price;
  }
  return lines;
}
