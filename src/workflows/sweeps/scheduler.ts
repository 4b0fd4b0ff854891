import { PgBoss } from 'pg-boss';
import type { Deps } from '../../platform/deps.ts';
import { jobFailures, sweepDuration, trackQueues } from '../../platform/metrics.ts';
import { sweeps } from './sweeps.ts';

/**
 * Schedules the sweeps with pg-boss in the same PostgreSQL. pg-boss runs each cron once across
 * all instances; each sweep also runs once at start, to catch up on anything missed while down.
 */
export async function startSweeps(databaseUrl: string, deps: Deps, log: (line: string) => void, options: { stopWithinMs?: number } = {}): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3 });
  boss.on('error', (error: unknown) => log(`jobs: ${error instanceof Error ? error.message : JSON.stringify(error)}`));
  await boss.start();
  for (const sweep of sweeps) {
    await boss.createQueue(sweep.name);
    await boss.schedule(sweep.name, sweep.cron);
    await boss.work(sweep.name, async () => {
      const finished = sweepDuration.startTimer({ sweep: sweep.name });
      try {
        const done = await sweep.run(deps);
        if (done > 0) log(`${sweep.name}: ${done}`);
      } catch (error) {
        jobFailures.inc({ queue: sweep.name });
        throw error;
      } finally {
        finished();
      }
    });
    await boss.send(sweep.name, {}, { singletonKey: 'startup', singletonSeconds: 60 });
  }
  trackQueues(async () => (await boss.getQueues(sweeps.map((s) => s.name))).map((q) => ({ name: q.name, ready: q.readyCount, active: q.activeCount, failed: q.failedCount })));
  // Stopping lets a running sweep finish (it is idempotent: one cut short is redone next time).
  return () => {
    trackQueues(undefined);
    return boss.stop({ graceful: true, timeout: options.stopWithinMs ?? 10_000 });
  };
}
