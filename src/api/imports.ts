import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import { importBalances } from '../workflows/imports/balance-import.ts';
import { readBalances } from '../workflows/imports/balance-rows.ts';
import { errorResponses } from './schemas/common.ts';

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
  };
