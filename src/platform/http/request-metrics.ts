import type { FastifyInstance } from 'fastify';
import { httpDuration, httpRequests } from '../metrics.ts';

/** Counts and times every answered request by its route pattern (never the raw URL: bounded labels). */
export function registerRequestMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
}
