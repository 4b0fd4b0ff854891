import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What /metrics shows operators, in Prometheus format. One registry per process: several apps in one
 * process (tests) add to the same series, so tests compare before and after.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: 'regulars_' });

export const httpRequests = new Counter({
  name: 'regulars_http_requests_total',
  help: 'HTTP requests answered, by route pattern, method and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metrics],
});

export const httpDuration = new Histogram({
  name: 'regulars_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern, method and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metrics],
});

export const ordersIngested = new Counter({
  name: 'regulars_orders_ingested_total',
  help: 'Orders received: created (points awarded) or replayed (a delivery seen before).',
  labelNames: ['result'] as const,
  registers: [metrics],
});

export const redemptions = new Counter({
  name: 'regulars_redemptions_total',
  help: 'Redemptions: reserved (points held, code issued) or refused (with the error code).',
  labelNames: ['result'] as const,
  registers: [metrics],
});

export const groupCommitSize = new Histogram({
  name: 'regulars_group_commit_size',
  help: 'Requests written together in one transaction by group commit.',
  labelNames: ['name'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64],
  registers: [metrics],
});

export const sweepDuration = new Histogram({
  name: 'regulars_sweep_duration_seconds',
  help: 'Time a sweep (time-based work) took, by sweep.',
  labelNames: ['sweep'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  registers: [metrics],
});

export const jobFailures = new Counter({
  name: 'regulars_job_failures_total',
  help: 'Jobs that failed (they are retried or redone by the next sweep), by queue.',
  labelNames: ['queue'] as const,
  registers: [metrics],
});

export const webhookDeliveries = new Counter({
  name: 'regulars_webhook_deliveries_total',
  help: 'Webhook delivery attempts, by outcome: succeeded, retrying (to be tried again), failed (the schedule ran out), gone (410: the endpoint is disabled).',
  labelNames: ['outcome'] as const,
  registers: [metrics],
});

export const webhookLatency = new Histogram({
  name: 'regulars_webhook_attempt_duration_seconds',
  help: 'Time a webhook endpoint took to answer an attempt.',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
  registers: [metrics],
});

const pools = new Map<string, pg.Pool>();

/** Connection pools of this process, read when /metrics is scraped. */
export function trackPool(name: string, pool: pg.Pool): void {
  pools.set(name, pool);
}

new Gauge({
  name: 'regulars_db_pool_connections',
  help: 'Database connections of each pool: total open, idle, and requests waiting for one.',
  labelNames: ['pool', 'state'] as const,
  registers: [metrics],
  collect() {
    this.reset();
    for (const [name, pool] of pools) {
      this.set({ pool: name, state: 'total' }, pool.totalCount);
      this.set({ pool: name, state: 'idle' }, pool.idleCount);
      this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
    }
  },
});

type QueueDepths = () => Promise<{ name: string; ready: number; active: number; failed: number }[]>;
let queueDepths: QueueDepths | undefined;

/** The job queues to report (pg-boss's), once the sweeps are started. */
export function trackQueues(read: QueueDepths | undefined): void {
  queueDepths = read;
}

new Gauge({
  name: 'regulars_job_queue_depth',
  help: 'Jobs per queue: ready to run, running, and failed ones still kept.',
  labelNames: ['queue', 'state'] as const,
  registers: [metrics],
  async collect() {
    this.reset();
    for (const q of (await queueDepths?.().catch(() => [])) ?? []) {
      this.set({ queue: q.name, state: 'ready' }, q.ready);
      this.set({ queue: q.name, state: 'active' }, q.active);
      this.set({ queue: q.name, state: 'failed' }, q.failed);
    }
  },
});
