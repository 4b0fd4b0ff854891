/**
 * The demo store's catalog: a small coffee-and-kitchen shop. Replenishable products are the ones
 * shoppers run out of and buy again every few weeks; the rest are bought now and then.
 */
export interface CatalogProduct {
  product_id: string;
  title: string;
  /** Minor units. */
  unit_price: number;
  collections: string[];
  /** Days a unit lasts a typical household, for replenishable products. */
  replenish_days?: number;
}

export const DEMO_CATALOG: CatalogProduct[] = [
  { product_id: 'house-blend-1kg', title: 'House Blend Beans 1 kg', unit_price: 2800, collections: ['coffee', 'replenishable'], replenish_days: 30 },
  { product_id: 'espresso-500g', title: 'Espresso Roast 500 g', unit_price: 1650, collections: ['coffee', 'replenishable'], replenish_days: 21 },
  { product_id: 'decaf-500g', title: 'Swiss Water Decaf 500 g', unit_price: 1700, collections: ['coffee', 'replenishable'], replenish_days: 35 },
  { product_id: 'single-origin-250g', title: 'Single Origin of the Month 250 g', unit_price: 1400, collections: ['coffee', 'replenishable'], replenish_days: 28 },
  { product_id: 'green-tea-100g', title: 'Sencha Green Tea 100 g', unit_price: 1200, collections: ['tea', 'replenishable'], replenish_days: 40 },
  { product_id: 'chai-200g', title: 'Masala Chai 200 g', unit_price: 1350, collections: ['tea', 'replenishable'], replenish_days: 45 },
  { product_id: 'filters-100', title: 'Paper Filters ×100', unit_price: 650, collections: ['supplies', 'replenishable'], replenish_days: 60 },
  { product_id: 'descaler', title: 'Machine Descaler', unit_price: 900, collections: ['supplies', 'replenishable'], replenish_days: 90 },
  { product_id: 'oat-syrup', title: 'Vanilla Oat Syrup', unit_price: 750, collections: ['extras'] },
  { product_id: 'biscotti', title: 'Almond Biscotti', unit_price: 600, collections: ['extras'] },
  { product_id: 'mug-stoneware', title: 'Stoneware Mug', unit_price: 1800, collections: ['kitchen'] },
  { product_id: 'pour-over', title: 'Ceramic Pour-over Dripper', unit_price: 3200, collections: ['brewing'] },
  { product_id: 'french-press', title: 'French Press 1 l', unit_price: 4500, collections: ['brewing'] },
  { product_id: 'grinder-hand', title: 'Hand Burr Grinder', unit_price: 7900, collections: ['brewing'] },
  { product_id: 'kettle-gooseneck', title: 'Gooseneck Kettle', unit_price: 8900, collections: ['brewing'] },
  { product_id: 'scale', title: 'Brew Scale with Timer', unit_price: 3900, collections: ['brewing'] },
  { product_id: 'gift-box', title: 'Tasting Gift Box', unit_price: 5500, collections: ['gifts'] },
  { product_id: 'tote', title: 'Canvas Tote', unit_price: 1500, collections: ['merch'] },
];

export const REPLENISHABLE = DEMO_CATALOG.filter((p) => p.replenish_days !== undefined);
