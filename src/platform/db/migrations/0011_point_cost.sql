-- What a point costs the program (for the liability in program economics): minor units per 1,000 points.
alter table programs add column point_cost_per_1000 bigint not null default 0 check (point_cost_per_1000 >= 0);
