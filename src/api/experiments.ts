import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { experimentReport } from '../experiments/experiment-report.ts';
import { forgetOffersUnderTest, getExperiment, listExperiments, startExperiment, stopExperiment, type ExperimentRow } from '../experiments/experiment-store.ts';
import type { Deps } from '../platform/deps.ts';
import { toList } from '../platform/http/pagination.ts';
import { errorResponses, Id, List, ListQuery } from './schemas/common.ts';
import { Experiment, ExperimentCreate } from './schemas/experiments.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const Params = Type.Object({ id: Id('exp') });

/** Offer experiments (docs/experiments.md): variants of an offer, a stable split, and each one's goal metric with its lift. */
export const experimentRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const present = async (e: ExperimentRow) => {
      const report = await experimentReport(deps.readDb, e, deps.clock.now());
      return { object: 'experiment' as const, id: e.id, name: e.name, segment_id: e.segment_id, split: e.split, metric: e.metric, days: e.days, status: e.status, members: e.members, started_at: iso(e.started_at)!, stopped_at: iso(e.stopped_at), ...report };
    };

    app.post('/v1/experiments', { schema: { operationId: 'startExperiment', tags: ['segments'], summary: 'Start an experiment: split an audience between variants of an offer', body: ExperimentCreate, response: { 201: Experiment, ...errorResponses } } }, async (request, reply) => {
      const actor = request.actor?.kind === 'user' ? request.actor.email : request.program.apiKeyId;
      const experiment = await deps.db.transaction().execute((tx) => startExperiment(tx, request.program.id, request.body, actor, deps.clock.now()));
      forgetOffersUnderTest(request.program.id);
      return reply.status(201).send(await present(experiment));
    });

    app.get('/v1/experiments', { schema: { operationId: 'listExperiments', tags: ['segments'], summary: 'Experiments, newest first, with their figures so far', querystring: ListQuery, response: { 200: List(Experiment), ...errorResponses } } }, async (request) => {
      const rows = await listExperiments(deps.db, request.program.id, request.query);
      return { ...toList(rows, request.query.limit, (e) => e), data: await Promise.all(rows.slice(0, request.query.limit).map(present)) };
    });

    app.get('/v1/experiments/:id', { schema: { operationId: 'getExperiment', tags: ['segments'], summary: 'An experiment: each variant’s metric with its interval, and its lift against the first', params: Params, response: { 200: Experiment, ...errorResponses } } }, async (request) =>
      present(await getExperiment(deps.db, request.program.id, request.params.id)),
    );

    app.post('/v1/experiments/:id/stop', { schema: { operationId: 'stopExperiment', tags: ['segments'], summary: 'Stop an experiment: its offers go back to normal, what was given stays, the report ends now', params: Params, response: { 200: Experiment, ...errorResponses } } }, async (request) =>
      present(await stopExperiment(deps.db, request.program.id, request.params.id, deps.clock.now())),
    );
  };
