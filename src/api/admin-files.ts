import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run build` (and `npm install`) puts the admin dashboard. */
export const ADMIN_DIR = path.resolve(import.meta.dirname, '../../dist/admin');

/**
 * The admin dashboard's files under /admin. Its assets are content-hashed, so they are cached for
 * good; every other path under /admin is a page of the dashboard's own router (/admin/customers/cus_1),
 * so it gets index.html, never cached, so a new release is picked up on the next visit.
 */
export const adminFileRoutes =
  (adminDir: string = ADMIN_DIR): FastifyPluginAsync =>
  async (app) => {
    const dir = path.resolve(adminDir);
    await app.register(fastifyStatic, { root: dir, serve: false, decorateReply: !app.hasReplyDecorator('sendFile') });
    const page = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
    app.get('/admin', { schema: { hide: true } }, async (_request, reply) => page(reply));
    app.get<{ Params: { '*': string } }>('/admin/*', { schema: { hide: true } }, async (request, reply) => {
      const file = request.params['*'];
      const found = builtFile(dir, file);
      if (file.startsWith('assets/')) {
        // A missing asset is a 404, not the page: a stale tab asking for an old chunk must fail visibly.
        return found ? reply.sendFile(found, dir, { maxAge: 31_536_000_000, immutable: true }) : reply.callNotFound();
      }
      return found && found !== 'index.html' ? reply.sendFile(found, dir) : page(reply);
    });
  };

/** The built file a request names, relative to `dir`, or null when there is none (or it lies outside). */
function builtFile(dir: string, file: string): string | null {
  const full = path.resolve(dir, file);
  if (!full.startsWith(dir + path.sep) || path.extname(full) === '' || !existsSync(full)) return null;
  return path.relative(dir, full).split(path.sep).join('/');
}
