import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { importBalances } from '../workflows/imports/balance-import.ts';
import { readBalances } from '../workflows/imports/balance-rows.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { CustomerImport, OrderImport } from './schemas/imports.ts';
import type { Selectable } from 'kysely';
import type { OrderImportsTable } from '../platform/db/import-tables.ts';
import { toList } from '../platform/http/pagination.ts';
import { invalidRequest } from '../platform/errors.ts';
import { importCustomers, readCustomerText } from '../workflows/imports/customer-import.ts';
import { getOrderImport, listOrderImports, queueOrderImport, runOrderImports } from '../workflows/imports/order-import.ts';

const BalanceImport = Type.Object({
  object: Type.Literal('balance_import'),
  dry_run: Type.Boolean(),
  source: Type.Union([Type.Literal('smile'), Type.Literal('loyaltylion'), Type.Literal('plain')]),
  file_hash: Type.String({ description: 'SHA-256 of the file: the same file imported again changes nothing.' }),
  rows: Type.Integer(),
  customers_created: Type.Integer(),
  balances_imported: Type.Integer(),
  points_imported: Type.Integer(),
  points_pending_imported: Type.Integer(),
  already_imported: Type.Integer({ description: 'Rows whose balance this same file brought in before.' }),
  tiers_placed: Type.Integer(),
  referral_codes_set: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { description: 'Rows left out, by line of the file.' }),
});

const FILE = (what: string) => Type.String({ minLength: 1, maxLength: 50 * 1_048_576, description: `The ${what} file’s text (CSV with a header row).` });

const presentOrderImport = (r: Selectable<OrderImportsTable>) => ({
  object: 'order_import' as const,
  id: r.id,
  status: r.status,
  award_points: r.award_points,
  format: r.format,
  file_hash: r.file_hash,
  rows: r.rows,
  skipped: r.skipped,
  errors: r.errors,
  step: r.step,
  progress: r.progress,
  orders_imported: r.orders_imported,
  customers_created: r.award_points ? null : r.customers_created,
  error: r.error,
  created_at: r.created_at.toISOString(),
  finished_at: r.finished_at?.toISOString() ?? null,
});

/** Imports from other loyalty apps (the admin uploads the file's text; the CLI reads it from disk). */
export const importRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/imports/balances',
      {
        bodyLimit: 50 * 1_048_576,
        schema: {
          operationId: 'importBalances',
          tags: ['imports'],
          summary: 'Bring in balances from Smile.io, LoyaltyLion or a plain email,points file',
          description:
            'Each row: `email` (or `customer_id`) and `points`; optionally `points_pending`, `birthday`, `tier` (a tier name of this program), `referral_code`. ' +
            'Opening balances are ledger transfers (`import.opening`) keyed by the file: importing it again changes nothing. `dry_run` reports what would change and changes nothing. ' +
            '201 when imported, 200 for a dry run; rows that cannot be applied are listed by line in `errors`.',
          body: Body({
            csv: Type.String({ minLength: 1, maxLength: 50 * 1_048_576, description: 'The file’s text (CSV with a header row).' }),
            format: Type.Optional(Type.Union([Type.Literal('smile'), Type.Literal('loyaltylion'), Type.Literal('plain')], { description: 'Which app’s columns (default plain).' })),
            dry_run: Type.Optional(Type.Boolean()),
            pending_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'How long imported pending points stay pending (default 30).' })),
          }),
          response: { 200: BalanceImport, 201: BalanceImport, ...errorResponses },
        },
      },
      async (request, reply) => {
        const format = request.body.format ?? 'plain';
        const read = readBalances(request.body.csv, format);
        const result = await importBalances(deps, request.program, { text: request.body.csv, format, ...read }, { dryRun: request.body.dry_run ?? false, pendingDays: request.body.pending_days });
        return reply.status(result.dry_run ? 200 : 201).send(result);
      },
    );
    app.post(
      '/v1/imports/orders',
      {
        bodyLimit: 50 * 1_048_576,
        schema: {
          operationId: 'importOrders',
          tags: ['imports'],
          summary: 'Import order history (a plain CSV or a Shopify orders export); a job carries it out',
          description:
            'Plain rows: `customer_id,date,amount` (`customer_id` or `email`), optionally `order_id` and `currency`; or Shopify’s orders export as it downloads. ' +
            'The file is checked at once: a header of neither format, or no row that can be imported, is a 400 and changes nothing; other bad rows are listed by line in `errors` and left out. ' +
            'Answers 202 with the import; follow it with GET /v1/imports/orders/{id} (`progress`, `step`). Orders already there (by order id) are left as they are. One import at a time per program (409).',
          body: Body({
            csv: FILE('orders'),
            award_points: Type.Optional(Type.Boolean({ default: false, description: 'Award points for each order under today’s rules, as if it arrived now (default: history only).' })),
          }),
          response: { 202: OrderImport, ...errorResponses },
        },
      },
      async (request, reply) => {
        const job = await queueOrderImport(deps.db, request.program, request.body.csv, request.body.award_points ?? false, deps.clock.now());
        // The minute sweep would pick it up; start it now on this instance.
        setImmediate(() => void runOrderImports(deps).catch((error) => app.log.error({ err: error }, 'order import failed')));
        return reply.status(202).send(presentOrderImport(job));
      },
    );

    app.get(
      '/v1/imports/orders',
      { schema: { operationId: 'listOrderImports', tags: ['imports'], summary: 'Order imports, newest first', querystring: ListQuery, response: { 200: List(OrderImport), ...errorResponses } } },
      async (request) => toList(await listOrderImports(deps.db, request.program.id, request.query.limit, request.query.starting_after), request.query.limit, presentOrderImport),
    );

    app.get(
      '/v1/imports/orders/:id',
      { schema: { operationId: 'getOrderImport', tags: ['imports'], summary: 'An order import and its progress', params: Type.Object({ id: Id('imp') }), response: { 200: OrderImport, ...errorResponses } } },
      async (request) => presentOrderImport(await getOrderImport(deps.db, request.program.id, request.params.id)),
    );

    app.post(
      '/v1/imports/customers',
      {
        bodyLimit: 50 * 1_048_576,
        schema: {
          operationId: 'importCustomers',
          tags: ['imports'],
          summary: 'Import customers (a plain CSV or a Shopify customer export)',
          description:
            'Plain rows: `customer_id` and/or `email`, optionally `first_name`, `last_name`, `birthday` (YYYY-MM-DD), `tags`, `marketing_consent`; or Shopify’s customer export. ' +
            'Customers not there yet (by store id, else email) are added; those that are get the file’s non-empty fields. The same file again changes nothing. Bad rows are listed by line and left out.',
          body: Body({ csv: FILE('customers') }),
          response: { 201: CustomerImport, ...errorResponses },
        },
      },
      async (request, reply) => {
        const read = await readCustomerText(request.body.csv);
        if (read.customers.length === 0) {
          const first = read.errors[0];
          throw invalidRequest('no_customers', first ? `No row of the file can be imported; line ${first.line}: ${first.message}` : 'The file has a header but no customers.', 'csv');
        }
        const result = await importCustomers(deps.db, request.program.id, read.customers, deps.clock.now());
        return reply.status(201).send({ object: 'customer_import' as const, rows: read.customers.length, ...result, errors: read.errors.slice(0, 1_000) });
      },
    );
  };
