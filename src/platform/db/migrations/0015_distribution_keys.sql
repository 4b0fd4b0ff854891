-- DESIGN rule 8: the keys of per-customer tables include customer_id, so these tables can be
-- distributed by customer on Citus without redesign (docs/scale-out.md). Primary keys become
-- (id, customer_id): the id leads, so lookups by id alone still use them. Foreign keys into a
-- per-customer table carry the customer too. Rows already satisfy every new key: what refers to
-- a transfer, lot, order or redemption always belongs to the same customer.

-- The foreign keys that point at the keys being replaced go first.
alter table ledger_entries drop constraint ledger_entries_transfer_id_fkey;
alter table lot_takes drop constraint lot_takes_transfer_id_fkey;
alter table lot_takes drop constraint lot_takes_lot_transfer_id_fkey;
alter table point_holds drop constraint point_holds_transfer_id_fkey;
alter table point_holds drop constraint point_holds_released_transfer_id_fkey;
alter table point_lots drop constraint point_lots_transfer_id_fkey;
alter table transfers drop constraint transfers_reverses_transfer_id_fkey;
alter table refunds drop constraint refunds_order_id_fkey;
alter table donations drop constraint donations_redemption_id_fkey;
alter table tier_entry_rewards drop constraint tier_entry_rewards_redemption_id_fkey;
alter table referrals drop constraint referrals_order_id_fkey;
alter table referrals drop constraint referrals_friend_redemption_id_fkey;
alter table referrals drop constraint referrals_advocate_redemption_id_fkey;
alter table membership_period_rewards drop constraint membership_period_rewards_membership_id_fkey;
alter table membership_period_rewards drop constraint membership_period_rewards_redemption_id_fkey;

alter table transfers drop constraint transfers_pkey, add primary key (id, customer_id);
alter table orders drop constraint orders_pkey, add primary key (id, customer_id);
alter table refunds drop constraint refunds_pkey, add primary key (id, customer_id);
alter table redemptions drop constraint redemptions_pkey, add primary key (id, customer_id);
alter table events drop constraint events_pkey, add primary key (id, customer_id);
alter table program_events drop constraint program_events_pkey, add primary key (id, customer_id);
alter table memberships drop constraint memberships_pkey, add primary key (id, customer_id);
alter table donations drop constraint donations_pkey, add primary key (id, customer_id);
alter table tier_changes drop constraint tier_changes_pkey, add primary key (id, customer_id);
alter table point_holds drop constraint point_holds_pkey, add primary key (transfer_id, customer_id);
alter table point_lots drop constraint point_lots_pkey, add primary key (transfer_id, customer_id);

-- A membership's period rewards are the member's: they carry the customer like the rest.
alter table membership_period_rewards add column customer_id text;
update membership_period_rewards r set customer_id = m.customer_id from memberships m where m.id = r.membership_id;
alter table membership_period_rewards alter column customer_id set not null,
  drop constraint membership_period_rewards_pkey, add primary key (membership_id, customer_id, period_start);

alter table ledger_entries add foreign key (transfer_id, customer_id) references transfers (id, customer_id);
alter table lot_takes add foreign key (transfer_id, customer_id) references transfers (id, customer_id);
alter table lot_takes add foreign key (lot_transfer_id, customer_id) references point_lots (transfer_id, customer_id);
alter table point_holds add foreign key (transfer_id, customer_id) references transfers (id, customer_id);
alter table point_holds add foreign key (released_transfer_id, customer_id) references transfers (id, customer_id);
alter table point_lots add foreign key (transfer_id, customer_id) references transfers (id, customer_id);
alter table transfers add foreign key (reverses_transfer_id, customer_id) references transfers (id, customer_id);
alter table refunds add foreign key (order_id, customer_id) references orders (id, customer_id);
alter table donations add foreign key (redemption_id, customer_id) references redemptions (id, customer_id);
alter table tier_entry_rewards add foreign key (redemption_id, customer_id) references redemptions (id, customer_id);
-- A referral links two customers: the friend's order and reward, the advocate's reward.
alter table referrals add foreign key (order_id, friend_id) references orders (id, customer_id);
alter table referrals add foreign key (friend_redemption_id, friend_id) references redemptions (id, customer_id);
alter table referrals add foreign key (advocate_redemption_id, advocate_id) references redemptions (id, customer_id);
alter table membership_period_rewards add foreign key (membership_id, customer_id) references memberships (id, customer_id);
alter table membership_period_rewards add foreign key (redemption_id, customer_id) references redemptions (id, customer_id);
