import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { dedicatedClient } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidRequest, notFound, unavailable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadProgramContext, type ProgramContext } from '../../programs/program-store.ts';
import { importWithAwards } from './award-import.ts';
import { importHistory, type ImportStep } from './history-import.ts';
import { readOrderText } from './order-file.ts';

/** Bad rows kept on the import for the merchant to fix; the count says how many there were in all. */
const KEPT_ERRORS = 1_000;
/** A running import whose runner has not been heard from for this long is taken over by another. */
const STALE_SECONDS = 90;
const HEARTBEAT_MS = 10_000;

/** Where each step of a history import starts, in percent; staging rows fills the first 40%. */
const STEP_AT: Record<ImportStep, number> = { staging: 0, customers: 40, orders: 50, statistics: 90 };

/**
 * Checks an uploaded order file and queues its import: a file whose header is neither format, or
 * with no row that can be imported, is refused and changes nothing. One import at a time per program.
 */
export async function queueOrderImport(db: Db, program: ProgramContext, text: string, awardPoints: boolean, now: Date) {
  const read = await readOrderText(text, program.storeCurrency);
  if (read.orders.length === 0) {
    const first = read.errors[0];
    throw invalidRequest('no_orders', first ? `No row of the file can be imported; line ${first.line}: ${first.message}` : 'The file has a header but no orders.', 'csv');
  }
  const open = await db.selectFrom('order_imports').select('id').where('program_id', '=', program.id).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (open) throw conflict('import_in_progress', `Import ${open.id} is still running; wait for it to finish.`);
  return db
    .insertInto('order_imports')
    .values({
      id: newId('imp', now.getTime()),
      program_id: program.id,
      store_id: program.storeId,
      status: 'queued',
      award_points: awardPoints,
      format: read.format,
      file_hash: createHash('sha256').update(text).digest('hex'),
      file_text: text,
      rows: read.orders.length,
      skipped: read.errors.length,
      errors: JSON.stringify(read.errors.slice(0, KEPT_ERRORS)),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getOrderImport(db: Db, programId: string, id: string) {
  const row = await db.selectFrom('order_imports').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('order import', id);
  return row;
}

export function listOrderImports(db: Db, programId: string, limit: number, startingAfter?: string) {
  let query = db.selectFrom('order_imports').selectAll().where('program_id', '=', programId);
  if (startingAfter) query = query.where('id', '<', startingAfter);
  return query.orderBy('id', 'desc').limit(limit + 1).execute();
}

/** Job: carries out queued imports (and ones whose runner stopped), recording progress as it goes. */
export async function runOrderImports(deps: Deps): Promise<number> {
  let ran = 0;
  for (let job = await claimImport(deps.db); job; job = await claimImport(deps.db)) {
    ran += 1;
    const heartbeat = setInterval(() => void deps.db.updateTable('order_imports').set({ heartbeat_at: new Date() }).where('id', '=', job.id).execute().catch(() => {}), HEARTBEAT_MS);
    try {
      const result = await carryOut(deps, job);
      const errors = [...job.errors, ...result.errors];
      await finish(deps.db, job.id, { status: 'done', step: 'done', progress: 100, orders_imported: result.orders, customers_created: result.customers, skipped: job.skipped + result.errors.length, errors: JSON.stringify(errors.slice(0, KEPT_ERRORS)) });
    } catch (error) {
      await finish(deps.db, job.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    } finally {
      clearInterval(heartbeat);
    }
  }
  return ran;
}

type Job = NonNullable<Awaited<ReturnType<typeof claimImport>>>;

/** The orders imported and customers created, and the rows the order workflow refused (awarding only). */
async function carryOut(deps: Deps, job: Job): Promise<{ orders: number; customers: number; errors: { line: number; message: string }[] }> {
  const program = await loadProgramContext(deps.db, job.program_id, job.store_id);
  const read = await readOrderText(job.file_text ?? '', program.storeCurrency);
  const report = progressReporter(deps.db, job.id);
  if (job.award_points) {
    const result = await importWithAwards(deps, program, read.orders, (done) => report('awarding', Math.floor((done / read.orders.length) * 100)));
    await report.settled();
    return { orders: result.orders, customers: 0, errors: result.errors };
  }
  if (!deps.databaseUrl) throw unavailable();
  const client = dedicatedClient(deps.databaseUrl);
  await client.connect();
  try {
    const result = await importHistory(deps.db, client, program, read.orders, job.created_at, (step, share) => report(step, step === 'staging' ? Math.floor(share * 40) : STEP_AT[step]));
    await report.settled();
    return { ...result, errors: [] };
  } finally {
    await client.end();
  }
}

/** Progress into the import's row, at most twice a second (a step change always), in order; `settled` waits for the last. */
function progressReporter(db: Db, id: string) {
  let last = { step: '', at: 0 };
  let written = Promise.resolve();
  const report = (step: string, progress: number) => {
    const now = Date.now();
    if (step === last.step && now - last.at < 500) return;
    last = { step, at: now };
    written = written.then(() => db.updateTable('order_imports').set({ step, progress: Math.min(progress, 99), heartbeat_at: new Date(now) }).where('id', '=', id).execute().then(() => {}, () => {}));
  };
  return Object.assign(report, { settled: () => written });
}

function finish(db: Db, id: string, values: { status: 'done' | 'failed'; step?: string; progress?: number; orders_imported?: number; customers_created?: number; skipped?: number; errors?: string; error?: string }) {
  return db.updateTable('order_imports').set({ ...values, file_text: null, finished_at: new Date() }).where('id', '=', id).execute();
}

/**
 * The oldest import that is queued, or running with a silent runner, marked running in the same
 * statement, so that two runners (the request's and the minute sweep) never both carry it out.
 */
async function claimImport(db: Db) {
  return db
    .updateTable('order_imports')
    .set({ status: 'running', step: 'starting', heartbeat_at: new Date() })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('order_imports')
        .select('id')
        .where((w) => w.or([w('status', '=', 'queued'), w.and([w('status', '=', 'running'), w('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_SECONDS})`)])]))
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}
