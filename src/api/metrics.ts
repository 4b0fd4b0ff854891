import type { FastifyPluginAsync } from 'fastify';
import { RegularsError } from '../platform/errors.ts';
import { metrics } from '../platform/metrics.ts';
import { keysEqual } from '../programs/api-keys.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /metrics in Prometheus format. With REGULARS_METRICS_TOKEN set it takes
 * `Authorization: Bearer <token>` from anywhere; without it, it answers loopback callers only.
 */
export const metricsRoutes =
  (token: string | undefined): FastifyPluginAsync =>
  async (app) => {
    app.get('/metrics', { schema: { hide: true }, config: { auth: 'public' } }, async (request, reply) => {
      if (token) {
        const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
        if (!keysEqual(sent, token)) throw new RegularsError('authentication', 'invalid_metrics_token', 'Send the metrics token as "Authorization: Bearer <REGULARS_METRICS_TOKEN>".');
      } else if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
        throw new RegularsError('permission', 'metrics_loopback_only', 'Without REGULARS_METRICS_TOKEN, /metrics answers only callers on this machine.');
      }
      return reply.type(metrics.contentType).send(await metrics.metrics());
    });
  };
