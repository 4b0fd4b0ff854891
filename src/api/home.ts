import type { FastifyPluginAsync } from 'fastify';

/** What a browser opening the server's address sees: the dashboard (which links the API docs). */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin', 302));
};
