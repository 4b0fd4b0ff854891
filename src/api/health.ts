import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';

/** For operators and load balancers: alive, and able to reach the database. */
export const healthRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (app) => {
    const hide = { hide: true };
    app.get('/healthz', { schema: hide }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: hide }, async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    });
  };
