-- A tier placed by a balance import from another loyalty app, as the file gave it.
alter table tier_changes drop constraint tier_changes_reason_check,
  add constraint tier_changes_reason_check check (reason in ('qualified', 'period_ended', 'refund', 'recalculation', 'imported'));
