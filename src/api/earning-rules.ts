import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../platform/deps.ts';
import { assertSegmentExists } from '../segments/segment-store.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { createEarningRule, getEarningRule, listEarningRules, saveEarningRule, type StoredRule } from '../earning/rule-store.ts';
import { validateRule, type RuleDefinition } from '../earning/rules.ts';
import { EarningPreview, EarningPreviewInput, EarningRule, EarningRuleCreate, EarningRuleUpdate } from './schemas/earning-rules.ts';
import { activeEarningRules } from '../earning/rule-store.ts';
import { evaluatePurchase } from '../earning/purchase-earning.ts';
import type { EarningRule as RuleInForce } from '../earning/rules.ts';
import { isEmptyChange } from '../platform/changes.ts';

/** The id a draft rule goes by while it is previewed; never stored. */
const DRAFT = 'rule_draft';

const present = (rule: StoredRule) => ({
  ...rule,
  object: 'earning_rule' as const,
  created_at: rule.created_at.toISOString(),
  updated_at: rule.updated_at.toISOString(),
});

export const earningRuleRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/v1/earning-rules',
      { schema: { operationId: 'createEarningRule', tags: ['earning rules'], summary: 'Create an earning rule', body: EarningRuleCreate, response: { 201: EarningRule, ...errorResponses } } },
      async (request, reply) => {
        const { name, type, active, ...definition } = request.body;
        validateRule(type, definition as RuleDefinition);
        if (definition.segment_id) await assertSegmentExists(deps.db, request.program.id, definition.segment_id);
        const rule = await createEarningRule(deps.db, request.program.id, { name, type, active, definition: definition as RuleDefinition }, deps.clock.now());
        return reply.status(201).send(present(rule));
      },
    );

    app.post(
      '/v1/earning-rules/preview',
      {
        config: { changesNothing: true },
        schema: {
          operationId: 'previewEarning',
          tags: ['earning rules'],
          summary: 'Try an order: the points the program’s rules (and a draft rule) would give it, explained',
          description: 'Changes nothing. Without `rule`, the active rules as saved; with it, those and the draft. Tier and membership multipliers, and per-customer limits, are left out: the cart has no customer.',
          body: EarningPreviewInput,
          response: { 200: EarningPreview, ...errorResponses },
        },
      },
      async (request) => {
        const { rule: draft, line_items = [], subtotal, discount = 0, total, placed_at } = request.body;
        const rules = [...(await activeEarningRules(deps.db, request.program.id))];
        if (draft) {
          const { name, type, active, ...definition } = draft;
          validateRule(type, definition as RuleDefinition);
          if (active !== false) rules.push({ ...(definition as RuleDefinition), id: DRAFT, name, type, active: true } satisfies RuleInForce);
        }
        const facts = { currency: request.program.storeCurrency, store_id: request.program.storeId, subtotal, discount, total: total ?? Math.max(0, subtotal - discount), line_items, placed_at: placed_at ? new Date(placed_at) : deps.clock.now() };
        const awards = evaluatePurchase(rules, facts, new Map());
        return {
          object: 'earning_preview' as const,
          points: awards.reduce((sum, a) => sum + a.points, 0),
          awards: awards.map((a) => ({ ...a, rule_id: a.rule_id === DRAFT ? null : a.rule_id })),
        };
      },
    );

    app.get(
      '/v1/earning-rules',
      {
        schema: {
          operationId: 'listEarningRules',
          tags: ['earning rules'],
          summary: 'List earning rules',
          querystring: Type.Object({ ...ListQuery.properties, active: Type.Optional(Type.Boolean()) }),
          response: { 200: List(EarningRule), ...errorResponses },
        },
      },
      async (request) => toList(await listEarningRules(deps.db, request.program.id, request.query), request.query.limit, present),
    );

    app.get(
      '/v1/earning-rules/:id',
      { schema: { operationId: 'getEarningRule', tags: ['earning rules'], summary: 'Get an earning rule', params: Type.Object({ id: Id('rule') }), response: { 200: EarningRule, ...errorResponses } } },
      async (request) => present(await getEarningRule(deps.db, request.program.id, request.params.id)),
    );

    app.patch(
      '/v1/earning-rules/:id',
      {
        schema: {
          operationId: 'updateEarningRule',
          tags: ['earning rules'],
          summary: 'Update or deactivate an earning rule',
          description: 'Send only what changes; `null` is not accepted, and `active: false` deactivates. Past awards keep the explanation they were given.',
          params: Type.Object({ id: Id('rule') }),
          body: EarningRuleUpdate,
          response: { 200: EarningRule, ...errorResponses },
        },
      },
      async (request) => {
        const current = await getEarningRule(deps.db, request.program.id, request.params.id);
        if (isEmptyChange(request.body)) return present(current);
        const next = { ...current, ...request.body } as StoredRule;
        const { id: _id, name: _n, type, active: _a, created_at: _c, updated_at: _u, ...definition } = next;
        validateRule(type, definition);
        if (request.body.segment_id) await assertSegmentExists(deps.db, request.program.id, request.body.segment_id);
        return present(await saveEarningRule(deps.db, request.program.id, next, deps.clock.now()));
      },
    );
  };
