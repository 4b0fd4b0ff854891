import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { csvRecords } from './csv-records.ts';
import type { Db } from '../../platform/db/database.ts';
import { sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { customerRow, type ImportedCustomer } from './customer-rows.ts';

export function readCustomerFile(file: string): Promise<{ customers: ImportedCustomer[]; errors: { line: number; message: string }[] }> {
  return readCustomers(createReadStream(file));
}

/** The same, of a file's text (uploaded from the dashboard). */
export function readCustomerText(text: string): Promise<{ customers: ImportedCustomer[]; errors: { line: number; message: string }[] }> {
  return readCustomers(Readable.from([text]));
}

async function readCustomers(stream: Readable): Promise<{ customers: ImportedCustomer[]; errors: { line: number; message: string }[] }> {
  const customers: ImportedCustomer[] = [];
  const errors: { line: number; message: string }[] = [];
  let line = 1;
  for await (const row of csvRecords(stream)) {
    line += 1;
    const r = customerRow(row, line);
    if ('ok' in r) customers.push(r.ok);
    else errors.push({ line, message: r.error });
  }
  return { customers, errors };
}

/**
 * Adds the customers that are not there yet (by external id, else email) and fills in the profile
 * of those that are (the file's non-empty fields win), set-based, in one transaction. Importing the
 * same file again changes nothing.
 */
export async function importCustomers(db: Db, programId: string, customers: ImportedCustomer[], at: Date): Promise<{ created: number; updated: number }> {
  const rows = customers.map((c) => ({ ...c, candidate: newId('cus', at.getTime()) }));
  const { rows: result } = await sql<{ created: number; updated: number }>`
    with f as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as f(candidate text, external_id text, email text, first_name text, last_name text, birthday date, tags text[], marketing_consent boolean, locale text, time_zone text)
    ), matched as (
      select f.*, coalesce(
        (select c.id from customers c where c.program_id = ${programId} and f.external_id is not null and c.external_id = f.external_id),
        (select c.id from customers c where c.program_id = ${programId} and f.email is not null and lower(c.email) = lower(f.email))) as existing
      from f
    ), updated as (
      update customers c set
        first_name = coalesce(m.first_name, c.first_name),
        last_name = coalesce(m.last_name, c.last_name),
        birthday = coalesce(m.birthday, c.birthday),
        tags = case when cardinality(m.tags) > 0 then m.tags else c.tags end,
        marketing_consent = coalesce(m.marketing_consent, c.marketing_consent),
        locale = coalesce(m.locale, c.locale),
        time_zone = coalesce(m.time_zone, c.time_zone),
        external_id = coalesce(c.external_id, m.external_id),
        email = coalesce(c.email, m.email),
        updated_at = ${at}
      from matched m where m.existing = c.id
        and ((m.first_name is not null and m.first_name is distinct from c.first_name)
             or (m.last_name is not null and m.last_name is distinct from c.last_name)
             or (m.birthday is not null and m.birthday is distinct from c.birthday)
             or (cardinality(m.tags) > 0 and m.tags is distinct from c.tags)
             or (m.marketing_consent is not null and m.marketing_consent is distinct from c.marketing_consent)
             or (m.locale is not null and m.locale is distinct from c.locale)
             or (m.time_zone is not null and m.time_zone is distinct from c.time_zone)
             or (c.external_id is null and m.external_id is not null) or (c.email is null and m.email is not null))
      returning 1
    ), created as (
      insert into customers (id, program_id, external_id, email, first_name, last_name, birthday, tags, marketing_consent, locale, time_zone, imported_at, in_holdout, created_at, updated_at)
      select candidate, ${programId}, external_id, email, first_name, last_name, birthday, tags, coalesce(marketing_consent, false), locale, time_zone, ${at},
        (select p.holdout_percent from programs p where p.id = ${programId}) > random() * 100, ${at}, ${at}
      from matched where existing is null
      on conflict do nothing
      returning 1
    )
    select (select count(*) from created)::int as created, (select count(*) from updated)::int as updated`.execute(db);
  return result[0]!;
}
