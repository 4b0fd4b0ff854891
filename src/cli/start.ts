import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.ts';
import { systemClock } from '../platform/clock.ts';
import { readConfig, type Config } from '../platform/config.ts';
import type { Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { loadSecretBox } from '../platform/secrets.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { createSetupLink, setupLinkPath } from '../users/setup-links.ts';
import { countUsers } from '../users/user-store.ts';
import { loadLivedInDemo } from '../workflows/demo-store.ts';
import { startSweeps } from '../workflows/sweeps/scheduler.ts';
import { startEmailLoop } from '../workflows/emails/email-loop.ts';
import { startWebhookLoop } from '../workflows/webhooks/webhook-loop.ts';
import { allowedDestinations } from '../webhooks/destination-guard.ts';
import { smtpTransport } from '../platform/email/mail-transport.ts';
import { openDatabase, type OpenDatabase } from './database.ts';
import { chosenProgram, createDefaultProgram } from './default-program.ts';

const say = (line: string) => console.log(line);

/** `regulars start`: the API, the sweeps, and on an empty database a default program. */
export async function start(options: { demo?: boolean } = {}): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, say);
  const deps = { db: database.db, readDb: database.readDb, clock: systemClock, secrets: await loadSecretBox(config.encryptionKey, config.dataDir), databaseUrl: database.url };
  await createDefaultProgram(deps.db);
  if (options.demo) await loadDemoIfEmpty(deps, database);
  const app = await buildApp(deps, { adminKey: config.adminKey, logLevel: config.logLevel, metricsToken: config.metricsToken, rateLimits: config.rateLimits, publicUrl: config.publicUrl, webhookAllowedHosts: config.webhookAllowedHosts });
  const stopSweeps = await startSweeps(database.url, deps, say, { stopWithinMs: config.shutdownSeconds * 1000 });
  await listen(app, config);
  const base = `http://localhost:${config.port}`;
  const stopWebhooks = startWebhookLoop(deps, { schedule: config.webhookRetrySeconds, allowed: allowedDestinations(config.webhookAllowedHosts) }, say);
  const stopEmails = startEmailLoop(deps, { transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined, from: config.emailFrom, publicUrl: config.publicUrl ?? base, retrySeconds: config.emailRetrySeconds }, say, config.emailPollSeconds * 1000);
  await sayHowToMakeTheOwner(deps.db, config.publicUrl ?? base);
  say(`Regulars is running on ${base}`);
  say(`  dashboard: ${base}/admin   API reference: ${base}/docs   OpenAPI: ${base}/openapi.json`);
  say(`  database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`);
  say(`  emails: ${config.smtpUrl ? 'sent through SMTP_URL' : 'kept in the outbox (set SMTP_URL to send them): npx regulars emails outbox'}`);
  stopOnSignal(config, async () => {
    await within(config.shutdownSeconds, Promise.all([app.close(), stopSweeps(), stopEmails(), stopWebhooks()]));
    await database.close();
  });
}

/** With no dashboard user yet: a one-time link (24 h) that makes the owner, or the headless way. */
async function sayHowToMakeTheOwner(db: Db, base: string): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const token = await createSetupLink(db, 'setup', null, new Date());
  say('No dashboard user yet. Open this link within 24 hours to make the owner (it works once):');
  say(`  ${base}${setupLinkPath(token)}`);
  say('  or headless:  printf %s "$PASSWORD" | npx regulars users create --email you@example.com --role owner --password-stdin');
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  await app.listen({ port: config.port, host: config.host }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`Port ${config.port} is already in use on ${config.host}: stop what uses it, or set PORT to another.`);
    throw error;
  });
}

/**
 * SIGTERM or SIGINT: stop accepting, let in-flight requests and running jobs finish (at most
 * REGULARS_SHUTDOWN_TIMEOUT seconds), then close the pools and the embedded PostgreSQL, so that
 * nothing acknowledged is lost and the next start finds a clean data folder.
 */
function stopOnSignal(config: Config, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping; in-flight requests and jobs have ${config.shutdownSeconds} s to finish`);
    // The last resort if something hangs: past the timeout and time to close, exit anyway.
    setTimeout(() => {
      console.error(`shutdown did not finish within ${config.shutdownSeconds + 20} s; exiting`);
      process.exit(1);
    }, (config.shutdownSeconds + 20) * 1000).unref();
    stop().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** Waits for `work`, or `seconds` at most; what has not finished by then is cut short by closing the pools. */
async function within(seconds: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      say(`requests or jobs still running after ${seconds} s; closing anyway`);
      resolve();
    }, seconds * 1000);
  });
  await Promise.race([work, late]);
  clearTimeout(timer);
}

/** `--demo`: a synthetic store in the default program, unless it already has orders. */
async function loadDemoIfEmpty(deps: Deps, database: OpenDatabase): Promise<void> {
  const programId = await chosenProgram(database.db, undefined);
  if (await hasOrders(database.db, programId)) return;
  say('loading the demo store (5,000 shoppers, about 20,000 orders) …');
  const loaded = await loadLivedInDemo(deps, database.url, await loadProgramContext(database.db, programId), { customers: 5000, orders: 20000 }, new Date());
  say(`demo store loaded: ${loaded.orders} orders, ${loaded.customers} customers, ${loaded.redemptions} rewards redeemed`);
}

const hasOrders = async (db: Db, programId: string) => (await db.selectFrom('orders').select('id').where('program_id', '=', programId).limit(1).executeTakeFirst()) !== undefined;
