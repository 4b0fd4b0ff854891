import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import path from 'node:path';

/** Where `npm run build` (and `npm install`) puts the widget. */
export const WIDGET_DIR = path.resolve(import.meta.dirname, '../../dist/widget');

/**
 * The storefront widget's files: /widget.js (a stable name the stores' pages load, cached for
 * minutes) and its language chunks under /widget/ (content-hashed, cached for good). A store's
 * page loads them cross-origin as module scripts, hence the CORS header.
 */
export const widgetFileRoutes =
  (dir: string = WIDGET_DIR): FastifyPluginAsync =>
  async (app) => {
    await app.register(fastifyStatic, { root: dir, serve: false });
    const crossOrigin = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => reply.headers(crossOrigin).sendFile('widget.js', { maxAge: 300_000 }));
    app.get<{ Params: { '*': string } }>('/widget/*', { schema: { hide: true } }, async (request, reply) =>
      reply.headers(crossOrigin).sendFile(path.posix.join('widget', request.params['*']), { maxAge: 31_536_000_000, immutable: true }),
    );
  };
