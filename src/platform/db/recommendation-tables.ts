import type { Timestamp } from './column-types.ts';

/** Tables of migrations/0022_product_pairs.sql: product recommendations, recomputed per program by a job. */
export interface ProductPairsTable {
  program_id: string;
  product_id: string;
  other_product_id: string;
  /** P(a and b) / (P(a) P(b)) over the program's recent customers; above 1 means bought together more than chance. */
  lift: number;
  /** Customers who bought both. */
  support: number;
  title: string | null;
  url: string | null;
  refreshed_at: Timestamp;
}

export interface ProductBestSellersTable {
  program_id: string;
  rank: number;
  product_id: string;
  /** Customers who bought it in the last 90 days, the units they bought, and their share of that period's customers. */
  customers: number;
  units: number;
  share: number;
  title: string | null;
  url: string | null;
  refreshed_at: Timestamp;
}

export interface ProductPairRefreshesTable {
  program_id: string;
  refreshed_at: Timestamp;
  customers: number;
  pairs: number;
}

