-- A holdout group: a random share of new customers kept out of the program (they earn nothing), as
-- the control against which the program's lift is measured.
alter table programs add column holdout_percent integer not null default 0 check (holdout_percent between 0 and 50);
alter table customers add column in_holdout boolean not null default false;
