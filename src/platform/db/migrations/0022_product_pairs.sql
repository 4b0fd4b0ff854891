-- Personal product recommendations ("bought together"), for the lifecycle emails. A job
-- recomputes them per program from the orders' line items, so a recommendation read is one
-- indexed query: the customer's products, their partners here, the best sellers for the rest.
-- Derived data that a refresh replaces wholesale: like the other high-volume tables (0001) the
-- two row tables have no foreign key to programs, which every insert would lock. Their keys
-- lead with program_id (tenancy; on Citus they are distributed or replicated by program).

-- For each product, the products the same customers also bought more often than chance: lift =
-- P(a and b) / (P(a) P(b)) over the customers who ordered in the last 365 days, support = how
-- many bought both. Only the strongest partners of each product are kept. The primary key is
-- the index the read needs: all partners of a few products of one program.
create table product_pairs (
  program_id       text not null,
  product_id       text not null,
  other_product_id text not null,
  lift             double precision not null check (lift > 0),
  support          integer not null check (support > 0),
  -- The other product as its latest line item names it, for the email.
  title            text,
  url              text,
  refreshed_at     timestamptz not null,
  primary key (program_id, product_id, other_product_id)
);

-- The fallback: the program's products bought by the most customers in the last 90 days, with
-- the share of that period's customers who bought each (its score).
create table product_best_sellers (
  program_id   text not null,
  rank         integer not null check (rank > 0),
  product_id   text not null,
  customers    integer not null,
  units        bigint not null,
  share        double precision not null check (share > 0 and share <= 1),
  title        text,
  url          text,
  refreshed_at timestamptz not null,
  primary key (program_id, rank),
  unique (program_id, product_id)
);

-- When each program's recommendations were last recomputed, so the sweep finds the programs
-- that are due, including those whose orders made no pairs at all.
create table product_pair_refreshes (
  program_id   text primary key references programs (id),
  refreshed_at timestamptz not null,
  customers    integer not null,
  pairs        integer not null
);
