import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { Body } from '../platform/http/body.ts';
import type { Selectable } from 'kysely';
import type { ProgramsTable } from '../platform/db/schema.ts';
import { Currency, errorResponses, Nullable, Timestamp } from '../platform/http/schemas.ts';
import { assertCurrency } from '../platform/money.ts';
import { createProgram, getProgram, updateProgram } from './program-store.ts';

const Program = Type.Object({
  object: Type.Literal('program'),
  id: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  allow_negative_balance: Type.Boolean({ description: 'Whether refunds may take a balance below zero; manual adjustments too.' }),
  code_prefix: Nullable(Type.String({ description: 'Put before every discount code the program issues.' })),
  return_points_on_code_expiry: Type.Boolean({ description: 'Whether the points of a code that expires unused go back to the customer (default) or are spent.' }),
  created_at: Timestamp,
});

const ProgramWithKey = Type.Object({ ...Program.properties, api_key: Type.String({ description: 'Secret key, shown only here.' }) });

const present = (p: Selectable<ProgramsTable>) => ({
  object: 'program' as const,
  id: p.id,
  name: p.name,
  currency: p.currency,
  allow_negative_balance: p.allow_negative_balance,
  code_prefix: p.code_prefix,
  return_points_on_code_expiry: p.return_points_on_code_expiry,
  created_at: new Date(p.created_at).toISOString(),
});

export const programRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/programs',
      {
        config: { auth: 'admin' },
        schema: {
          tags: ['programs'],
          summary: 'Create a program (instance admin key)',
          body: Body({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            currency: Currency,
            allow_negative_balance: Type.Optional(Type.Boolean()),
          }),
          response: { 201: ProgramWithKey, ...errorResponses },
        },
      },
      async (request, reply) => {
        const currency = assertCurrency(request.body.currency);
        const { program, apiKey } = await createProgram(deps.db, { ...request.body, currency }, deps.clock.now());
        return reply.status(201).send({ ...present(program), api_key: apiKey });
      },
    );

    app.get(
      '/v1/program',
      { schema: { tags: ['programs'], summary: 'The program of the API key', response: { 200: Program, ...errorResponses } } },
      async (request) => present((await getProgram(deps.db, request.program.id))!),
    );

    app.patch(
      '/v1/program',
      {
        schema: {
          tags: ['programs'],
          summary: 'Change program settings',
          body: Body({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            allow_negative_balance: Type.Optional(Type.Boolean()),
            code_prefix: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z0-9-]{1,12}$', description: 'Upper-case letters, digits and dashes.' }))),
            return_points_on_code_expiry: Type.Optional(Type.Boolean()),
          }),
          response: { 200: Program, ...errorResponses },
        },
      },
      async (request) => {
        const program = await updateProgram(deps.db, request.program.id, request.body);
        app.forgetCachedKeys();
        return present(program);
      },
    );
  };
