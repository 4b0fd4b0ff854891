-- Partner (coalition) programs: several stores share one program and one points balance, each
-- with its own keys, currency and earn rate. Lots remember the store that issued them and
-- redemptions the store that honoured them, so a settlement can say which store owes which.

alter table api_keys add column store_id text references stores (id);
alter table point_lots add column store_id text references stores (id);
alter table redemptions add column store_id text references stores (id);
alter table programs add column coalition_point_value_minor bigint not null default 0 check (coalition_point_value_minor >= 0);
